// Opaque keyset cursors over (created_at, id), shared by every list that pages that way (comments,
// the moderation queues, reported lessons): base64url JSON holding the timestamp at full
// microsecond precision, so rows created within one millisecond are never skipped or repeated.
import { validation } from "../http/errors.js";

export interface Keyset {
  /** created_at as PostgreSQL prints it in UTC, to the microsecond. */
  t: string;
  i: string;
}

/** SQL for a created_at column rendered exactly as a cursor stores it. */
export const cursorTs = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const TS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The format, and a real date: Date.parse accepts Feb 31 (as Mar 2) and year 0000, PostgreSQL does not. */
function isRealInstant(t: string): boolean {
  if (!TS.test(t) || t.startsWith("0000")) return false;
  const seconds = t.slice(0, 19);
  const parsed = new Date(`${seconds}Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 19) === seconds;
}

export function encodeCursor(k: Keyset): string {
  return Buffer.from(JSON.stringify([k.t, k.i])).toString("base64url");
}

/** Undefined for no cursor; a 400 for anything this server did not produce. */
export function decodeCursor(raw: string | undefined): Keyset | undefined {
  if (raw === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw validation("cursor", "Malformed cursor");
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    typeof parsed[0] !== "string" ||
    typeof parsed[1] !== "string" ||
    !isRealInstant(parsed[0]) ||
    !UUID.test(parsed[1])
  )
    throw validation("cursor", "Malformed cursor");
  return { t: parsed[0], i: parsed[1] };
}

/** Splits the limit+1 rows a query fetched into a page and the cursor after its last item. */
export function toPage<R extends { cursor_ts: string; id: string }, T>(
  rows: R[],
  limit: number,
  present: (row: R) => T,
): { items: T[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  return {
    items: page.map(present),
    nextCursor: more && last ? encodeCursor({ t: last.cursor_ts, i: last.id }) : null,
  };
}
