// Random ids for Idempotency-Key headers and view counting (Hermes has no crypto.randomUUID).
import * as Crypto from "expo-crypto";

export function newKey(): string {
  return Crypto.randomUUID();
}
