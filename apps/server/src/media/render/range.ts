// HTTP Range for one byte range (RFC 9110 §14): what browsers and phone players send to seek.

export type RangeResult =
  | { kind: "full" }
  | { kind: "partial"; start: number; end: number }
  | { kind: "unsatisfiable" };

/**
 * "bytes=0-99", "bytes=100-" (open), "bytes=-500" (the last 500). A header we do not understand, or
 * several ranges, is ignored (the whole file, as the RFC allows); a range past the end is 416.
 */
export function parseRange(header: string | undefined, size: number): RangeResult {
  if (!header) return { kind: "full" };
  const m = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return { kind: "full" };
  // Digits only, but possibly absurdly long: Number() turns them into Infinity or a huge value, never NaN.
  if (m[1] === "") {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== "" && Number(m[2]) < start) return { kind: "full" }; // invalid: last < first
  if (start >= size) return { kind: "unsatisfiable" };
  return { kind: "partial", start, end };
}
