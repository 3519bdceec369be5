// argon2id hashing (OWASP minimum: m = 19 MiB, t = 2, p = 1) and the common-password refusal.
import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import { AppError } from "../http/errors.js";

const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const COMMON = new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));

export function assertStrongPassword(password: string, email?: string) {
  const lower = password.toLowerCase();
  const localPart = email?.split("@")[0]?.toLowerCase();
  if (COMMON.has(lower) || (localPart && localPart.length >= 4 && lower.includes(localPart))) {
    const message = "This password is too common or too easy to guess; choose another";
    throw new AppError("validation_error", message, { errors: [{ path: "password", message }] });
  }
}

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// Unknown e-mails are checked against this hash, so a miss costs the same time as a wrong password.
let dummy: Promise<string> | undefined;
export async function burnDummyVerify(password: string) {
  dummy ??= hashPassword("dummy-password-for-timing-equality");
  await verifyPassword(await dummy, password);
}
