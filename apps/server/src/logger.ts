// pino with secrets redacted and e-mail addresses masked, so logs can be shipped anywhere.
import pino from "pino";
import { prettyDestination, wantsPretty } from "./log-pretty.js";

const REDACT = [
  "password",
  "*.password",
  "token",
  "*.token",
  "accessToken",
  "*.accessToken",
  "refreshToken",
  "*.refreshToken",
  "req.headers.authorization",
  "req.headers.cookie",
  'res.headers["set-cookie"]',
  "headers.authorization",
  "headers.cookie",
  "*.secret",
  // Database errors carry the statement's parameters, which may hold hashes or tokens.
  "err.params",
];

const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;

/** "alice@example.com" → "a***@example.com" */
export function maskEmails(text: string): string {
  return text.replace(EMAIL, "$1***@$2");
}

function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return maskEmails(value);
  if (depth > 4 || value === null || typeof value !== "object") return value;
  // Errors keep their message and stack (own, non-enumerable) instead of becoming {}.
  const plain: object = value instanceof Error ? pino.stdSerializers.err(value) : value;
  if (Array.isArray(plain)) return plain.map((v) => maskDeep(v, depth + 1));
  return Object.fromEntries(Object.entries(plain).map(([k, v]) => [k, maskDeep(v, depth + 1)]));
}

/**
 * `pretty` (default: stdout is a terminal and LOG_FORMAT is not "json") prints readable lines
 * to `destination` or stdout; otherwise one JSON object per line, as log shippers expect.
 */
export function createLogger(
  level: string,
  destination?: pino.DestinationStream | NodeJS.WritableStream,
  opts: { pretty?: boolean } = {},
) {
  const pretty = opts.pretty ?? (destination === undefined && wantsPretty(process.stdout, process.env));
  const out = pretty
    ? prettyDestination(
        (destination as NodeJS.WritableStream | undefined) ?? process.stdout,
        !destination && process.stdout.isTTY === true,
      )
    : (destination as pino.DestinationStream | undefined);
  return pino(
    {
      level,
      redact: { paths: REDACT, censor: "[redacted]" },
      formatters: { log: (obj) => maskDeep(obj) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          // Mask e-mails in the message string too ("sent verification to alice@…").
          const masked = args.map((a) => (typeof a === "string" ? maskEmails(a) : a)) as Parameters<typeof method>;
          method.apply(this, masked);
        },
      },
    },
    out,
  );
}
export type Logger = pino.Logger;

/** How the database driver reports connection trouble (the listener losing and regaining the server). */
export function dbLogger(log: Logger) {
  return (msg: string, err?: unknown) => (err ? log.warn({ err }, msg) : log.info(msg));
}
