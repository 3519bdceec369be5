// The one codec for opaque keyset cursors (issue 14 item 6): base64url JSON of the last row's key
// values as SQL text, each checked against the SQL type it is cast to before it reaches a query
// (a value PostgreSQL refuses would be a 500, not the 400 a forged cursor deserves). Values stay
// text end to end, so timestamps keep their microseconds and floats their exact value: rows
// created within one millisecond, or tied to the last digit, are never skipped or repeated.
import { AppError, validation } from "../http/errors.js";

/** The SQL types a key may have; `instant` is created_at as `cursorTs` renders it. */
export type KeyType = "instant" | "timestamptz" | "float8" | "numeric" | "int" | "uuid";

/** SQL for a timestamp column rendered exactly as an `instant` key stores it. */
export const cursorTs = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
// timestamptz as PostgreSQL prints it (DateStyle ISO): 2024-05-01 10:00:00.123456+00
const TIMESTAMPTZ = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(\.\d{1,6})?[+-](\d{2})(:[0-5]\d)?$/;

/** A real calendar date and time: Date.parse accepts Feb 31 (as Mar 2) and year 0000, PostgreSQL does not. */
function isRealDateTime(day: string, time: string): boolean {
  if (day.startsWith("0000")) return false;
  const t = new Date(`${day}T${time}Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 19) === `${day}T${time}`;
}

/** float8 input PostgreSQL accepts: finite, not so small that it underflows to an error. */
function isFloat8(v: string): boolean {
  if (v === "NaN" || v === "Infinity" || v === "-Infinity") return true;
  const m = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d{1,4})?$/i.exec(v);
  const n = Number(v);
  return m !== null && Number.isFinite(n) && (n !== 0 || !/[1-9]/.test(m[1]));
}

/** Whether a cursor value casts to its key's SQL type. */
const CASTS_TO: Record<KeyType, (v: string) => boolean> = {
  uuid: (v) => UUID.test(v),
  int: (v) => /^-?\d{1,10}$/.test(v) && Math.abs(Number(v)) <= 2_147_483_647,
  numeric: (v) => /^-?\d{1,20}(\.\d{1,20})?$/.test(v),
  float8: isFloat8,
  instant: (v) => INSTANT.test(v) && isRealDateTime(v.slice(0, 10), v.slice(11, 19)),
  timestamptz: (v) => {
    const m = TIMESTAMPTZ.exec(v);
    return m !== null && Number(m[4]) <= 15 && isRealDateTime(m[1], m[2]);
  },
};

export interface KeysetCodec {
  encode(values: readonly string[]): string;
  /** Undefined for no cursor; a 400 naming `cursor` for anything this codec did not produce. */
  decode(raw: string | undefined): string[] | undefined;
}

/**
 * A codec for keys of these SQL types. Untagged, a cursor is the JSON array of the values; tagged
 * (the feed's sort), it is `{s: tag, v: values}`, so a cursor from one sort is refused by another
 * even where the key types agree. Both shapes are the ones clients already hold.
 */
export function keysetCodec(types: readonly KeyType[], tag?: string): KeysetCodec {
  const refuse = () =>
    tag === undefined
      ? validation("cursor", "Malformed cursor")
      : new AppError("validation_error", "The cursor is malformed or belongs to another query", {
          errors: [{ path: "cursor", message: "Malformed cursor" }],
        });
  const valid = (v: unknown): v is string[] =>
    Array.isArray(v) && v.length === types.length && v.every((x, i) => typeof x === "string" && CASTS_TO[types[i]](x));
  return {
    encode: (values) =>
      Buffer.from(JSON.stringify(tag === undefined ? values : { s: tag, v: values })).toString("base64url"),
    decode(raw) {
      if (raw === undefined) return undefined;
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
      } catch {
        throw refuse();
      }
      const values =
        tag === undefined
          ? parsed
          : typeof parsed === "object" && parsed !== null && "s" in parsed && parsed.s === tag && "v" in parsed
            ? parsed.v
            : undefined;
      if (!valid(values)) throw refuse();
      return values;
    },
  };
}

/** The (created_at, id) key most lists page by. */
export interface Keyset {
  /** created_at as `cursorTs` renders it: UTC, to the microsecond. */
  t: string;
  i: string;
}

const createdAtId = keysetCodec(["instant", "uuid"]);

export const encodeCursor = (k: Keyset): string => createdAtId.encode([k.t, k.i]);

export function decodeCursor(raw: string | undefined): Keyset | undefined {
  const values = createdAtId.decode(raw);
  return values && { t: values[0], i: values[1] };
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
