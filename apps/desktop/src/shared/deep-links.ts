// Deep-link parsing: littlemonster://video/<uuid> and littlemonster://verify-email?token=<token>.
// Matched on the raw string with anchored regexes, never `new URL`, which would normalise
// `video/../x` or percent-escapes into something that looks valid.
import type { DeepLink } from "./bridge.js";

export const DEEP_LINK_SCHEME = "littlemonster";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
// The server issues base64url tokens; nothing else (no `%`, `.`, `/`, `&`, `#`) may appear.
const TOKEN = "[A-Za-z0-9_-]{16,512}";

// One optional trailing slash is tolerated: some OS launchers append one.
const VIDEO = new RegExp(`^littlemonster://video/(${UUID})/?$`);
const VERIFY_EMAIL = new RegExp(`^littlemonster://verify-email/?\\?token=(${TOKEN})$`);
const MAX_LENGTH = 600;

/** Returns the link, or null for anything that is not exactly one of the two accepted forms. */
export function parseDeepLink(raw: string): DeepLink | null {
  if (typeof raw !== "string" || raw.length > MAX_LENGTH) return null;
  const video = VIDEO.exec(raw);
  if (video) return { kind: "video", id: video[1] };
  const verify = VERIFY_EMAIL.exec(raw);
  if (verify) return { kind: "verify-email", token: verify[1] };
  return null;
}

/** The first valid deep link among command-line arguments (Windows and Linux pass it in argv). */
export function findDeepLink(argv: readonly string[]): DeepLink | null {
  for (const arg of argv) {
    if (!arg.startsWith(`${DEEP_LINK_SCHEME}:`)) continue;
    const link = parseDeepLink(arg);
    if (link) return link;
  }
  return null;
}

/** Re-checks a DeepLink object that crossed a process boundary. */
export function isDeepLink(value: unknown): value is DeepLink {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.kind === "video") return typeof v.id === "string" && new RegExp(`^${UUID}$`).test(v.id);
  if (v.kind === "verify-email") return typeof v.token === "string" && new RegExp(`^${TOKEN}$`).test(v.token);
  return false;
}
