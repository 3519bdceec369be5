// RFC 5545 text primitives shared by the .ics exporter and importer: escaping, folding, dates.

const encoder = new TextEncoder();
const FOLD_OCTETS = 75;

/** Escapes a TEXT value: backslash, semicolon, comma and newlines (RFC 5545 §3.3.11). */
export function escapeText(s: string): string {
  return s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, "\\n");
}

/** Reverses escapeText; tolerates the "\N" some producers write and stray backslashes. */
export function unescapeText(s: string): string {
  return s.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

/**
 * Folds one content line into 75-octet pieces joined by CRLF + space. Measures UTF-8 bytes
 * and cuts only between code points, so "ü" or an emoji is never split across lines.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= FOLD_OCTETS) return line;
  const pieces: string[] = [];
  let current = "";
  let octets = 0;
  // The first line may hold 75 octets; continuation lines lose one to the leading space.
  let limit = FOLD_OCTETS;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      pieces.push(current);
      current = "";
      octets = 0;
      limit = FOLD_OCTETS - 1;
    }
    current += ch;
    octets += size;
  }
  pieces.push(current);
  return pieces.join("\r\n ");
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** 20260115T090000Z */
export function formatUtcDateTime(d: Date): string {
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`
  );
}

/** Formats wall-clock time encoded as UTC ("floating") as 20260115 or 20260115T090000. */
export function formatFloating(d: Date, dateOnly: boolean): string {
  const date = `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
  return dateOnly ? date : `${date}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

/** ±HHMM as used by TZOFFSETFROM/TZOFFSETTO. */
export function formatOffset(ms: number): string {
  const sign = ms < 0 ? "-" : "+";
  const minutes = Math.round(Math.abs(ms) / 60_000);
  return `${sign}${pad(Math.floor(minutes / 60))}${pad(minutes % 60)}`;
}
