// Readable log lines for a person at a terminal ("09:05:07 INFO  listening url=…"): pino's JSON
// line is reformatted on its way out, after redaction and masking, so nothing secret gets
// through either way. Pipes, files and log shippers keep one JSON object per line.
import type { DestinationStream } from "pino";

const LEVELS: Record<number, string> = { 10: "TRACE", 20: "DEBUG", 30: "INFO ", 40: "WARN ", 50: "ERROR", 60: "FATAL" };
const COLORS: Record<number, string> = { 40: "\x1b[33m", 50: "\x1b[31m", 60: "\x1b[31m" };
const HIDDEN = new Set(["level", "time", "pid", "hostname", "msg", "v"]);

/** LOG_FORMAT=json|pretty decides; otherwise pretty exactly when stdout is a terminal. */
export function wantsPretty(out: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  if (env.LOG_FORMAT === "json") return false;
  if (env.LOG_FORMAT === "pretty") return true;
  return out.isTTY === true;
}

function show(value: unknown): string {
  if (typeof value === "string") return /\s/.test(value) ? JSON.stringify(value) : value;
  if (value && typeof value === "object" && "message" in value) return show((value as { message: unknown }).message);
  return JSON.stringify(value);
}

/** One JSON log line as one readable line (plus an indented stack for errors). */
export function prettyLine(json: string, opts: { timeZone?: string; color?: boolean } = {}): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith("\n") ? json : `${json}\n`;
  }
  const level = Number(entry.level);
  const time = new Intl.DateTimeFormat("en-GB", {
    timeZone: opts.timeZone,
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).format(new Date(Number(entry.time)));
  const label = LEVELS[level] ?? String(level);
  const fields = Object.entries(entry)
    .filter(([key, value]) => !HIDDEN.has(key) && value !== undefined)
    .map(([key, value]) => `${key}=${show(value)}`);
  const head = [time, opts.color && COLORS[level] ? `${COLORS[level]}${label}\x1b[0m` : label, entry.msg, ...fields]
    .filter((part) => part !== undefined && part !== "")
    .join(" ");
  const err = entry.err as { stack?: unknown } | undefined;
  const stack = typeof err?.stack === "string" ? `\n${err.stack.replace(/^/gm, "    ")}` : "";
  return `${head}${stack}\n`;
}

/** A pino destination that writes readable lines to `out`. */
export function prettyDestination(out: NodeJS.WritableStream, color = false): DestinationStream {
  return {
    write(line: string) {
      out.write(prettyLine(line.trimEnd(), { color }));
    },
  };
}
