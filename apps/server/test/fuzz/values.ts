// Hostile values for the OpenAPI fuzz test, chosen per JSON-schema type, from a seeded generator
// so every run sends the same requests (FUZZ_SEED picks another sequence).

/** mulberry32: tiny, fast, good enough to pick test values reproducibly. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
  };
}
export type Rng = ReturnType<typeof seededRandom>;

/** A hostile value and how a failure report names it. */
export interface Hostile {
  label: string;
  value: unknown;
}

const h = (label: string, value: unknown): Hostile => ({ label, value });

/** Odd code points: controls, lone surrogates, bidi overrides, non-characters, astral, combining marks. */
function oddUnicode(rng: Rng): string {
  const pool = [0x1, 0x8, 0x1b, 0x7f, 0x85, 0xa0, 0x200b, 0x202e, 0x2028, 0xfeff, 0xfffe, 0xffff, 0x301, 0x1f996];
  let s = "";
  for (let i = 0; i < 12; i++) s += String.fromCodePoint(rng.pick(pool));
  return s;
}

export function hostileStrings(rng: Rng): Hostile[] {
  return [
    h("NUL alone", "\u0000"),
    h("NUL inside text", "Exam\u0000 notes"),
    h("lone high surrogate", "a\ud800b"),
    h("lone low surrogate", "\udc00"),
    h("odd unicode", oddUnicode(rng)),
    h("100k characters", "x".repeat(100_000)),
    h("emoji run", "🦖".repeat(300)),
    h("empty", ""),
    h("whitespace only", " \t\n "),
    h("SQL-ish", "'; drop table users; --"),
    h("path-ish", "../../../etc/passwd"),
    h("percent NUL", "%00"),
    h("markup", "<script>alert(1)</script>"),
  ];
}

export function wrongTypes(): Hostile[] {
  return [
    h("null", null),
    h("true", true),
    h("zero", 0),
    h("negative", -1),
    h("1e308", 1e308),
    h("empty array", []),
    h("array of NUL", ["\u0000"]),
    h("object", { $gt: "" }),
    h("__proto__ object", JSON.parse('{"__proto__":{"polluted":true}}')),
  ];
}

export function hostileNumbers(): Hostile[] {
  return [
    h("-1", -1),
    h("-1e308", -1e308),
    h("1e308", 1e308),
    h("2^53+1", 2 ** 53 + 1),
    h("fraction", 1.5),
    h("negative zero", -0),
    h("string number", "3"),
    h("string NaN", "NaN"),
  ];
}

export const HOSTILE_UUIDS: Hostile[] = [
  h("not a uuid", "not-a-uuid"),
  h("nil uuid", "00000000-0000-0000-0000-000000000000"),
  h("max uuid", "ffffffff-ffff-ffff-ffff-ffffffffffff"),
  h("uuid + NUL", "00000000-0000-4000-8000-000000000000\u0000"),
  h("uuid, 37 chars", "00000000-0000-4000-8000-0000000000000"),
  h("numeric id", "-1"),
  h("SQL-ish id", "1' or '1'='1"),
];

export const HOSTILE_DATES: Hostile[] = [
  h("Feb 30", "2024-02-30T10:00:00Z"),
  h("year 0000", "0000-01-01T00:00:00Z"),
  h("month 13", "2024-13-01T00:00:00Z"),
  h("offset +23:59", "2024-05-01T10:00:00+23:59"),
  h("offset -23:59 on 9999-12-31", "9999-12-31T23:59:59-23:59"),
  h("nanoseconds", "2024-05-01T10:00:00.123456789Z"),
  h("no zone", "2024-05-01T10:00:00"),
  h("epoch number", 1714557600000),
  h("expanded year", "+275760-09-13T00:00:00Z"),
];

/** Mutations of one string inside a real cursor: impossible dates, non-numbers, out-of-range numbers. */
export function cursorLeafMutations(leaf: string): Hostile[] {
  const out: Hostile[] = [h("NUL", `${leaf}\u0000`), h("empty", ""), h("letters", "abc"), h("NaN", "NaN")];
  const date = /^(\d{4})-(\d{2})-(\d{2})([T ])(\d{2}):(\d{2}):(\d{2})(.*)$/.exec(leaf);
  if (date) {
    const [, y, mo, d, sep, hh, mi, ss, rest] = date;
    const at = (yy: string, mm: string, dd: string, hour = hh, tail = rest) =>
      `${yy}-${mm}-${dd}${sep}${hour}:${mi}:${ss}${tail}`;
    out.push(
      h("Feb 31", at(y, "02", "31")),
      h("year 0000", at("0000", mo, d)),
      h("month 99", at(y, "99", d)),
      h("hour 25", at(y, mo, d, "25")),
      h("offset +99", at(y, mo, d, hh, rest.replace(/([+-]\d{2}|Z)$/, "+99"))),
    );
  } else if (/^-?[\d.e+-]+$/i.test(leaf)) {
    out.push(h("1e999", "1e999"), h("1e-999", "1e-999"), h("huge integer", "9".repeat(400)), h("Infinity", "Infinity"));
  } else {
    out.push(h("uuid-ish garbage", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz"));
  }
  return out;
}

/** Every way to replace one string leaf of a decoded cursor, re-encoded as the server encodes it. */
export function mutateCursor(cursor: string): Hostile[] {
  const decoded: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  const out: Hostile[] = [];
  const visit = (node: unknown, replace: (v: unknown) => unknown, where: string) => {
    if (typeof node === "string") {
      for (const m of cursorLeafMutations(node)) {
        const encoded = Buffer.from(JSON.stringify(replace(m.value))).toString("base64url");
        out.push(h(`cursor ${where} ${m.label}`, encoded));
      }
      out.push(h(`cursor ${where} as number`, Buffer.from(JSON.stringify(replace(12))).toString("base64url")));
    } else if (Array.isArray(node)) {
      for (const [i, child] of node.entries()) {
        visit(child, (v) => replace(node.map((c, j) => (j === i ? v : c))), `${where}[${i}]`);
      }
    } else if (node && typeof node === "object") {
      for (const [k, child] of Object.entries(node)) {
        visit(child, (v) => replace({ ...node, [k]: v }), `${where}.${k}`);
      }
    }
  };
  visit(decoded, (v) => v, "");
  return out;
}

export const GARBAGE_CURSORS: Hostile[] = [
  h("not base64", "!!!"),
  h("base64 of garbage", Buffer.from("\u0000\u0001").toString("base64url")),
  h("base64 of deep JSON", Buffer.from("[".repeat(5000) + "]".repeat(5000)).toString("base64url")),
  h("base64 of null", Buffer.from("null").toString("base64url")),
];

/** 100,000 levels of nesting: the body parser copes, anything recursive afterwards may not. */
export const DEEP_JSON = `${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`;
export const DEEP_ARRAY = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
