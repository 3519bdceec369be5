// Idempotency-Key on every POST: same key + same body within 24 h replays the first response.
import { createHash } from "node:crypto";
import type { RequestHandler } from "express";
import type { Db } from "../db/index.js";
import { AppError } from "./errors.js";

const TTL_HOURS = 24;

export function idempotency(db: Db): RequestHandler {
  return async (req, res, next) => {
    const key = req.headers["idempotency-key"];
    if (req.method !== "POST" || typeof key !== "string") return next();
    if (key.length < 1 || key.length > 255) {
      throw new AppError("validation_error", "Idempotency-Key must be 1–255 characters", {
        errors: [{ path: "Idempotency-Key", message: "Must be 1–255 characters" }],
      });
    }
    const scope = req.auth ? `u:${req.auth.userId}` : `ip:${req.ip}`;
    const body = typeof req.body === "string" ? req.body : JSON.stringify(req.body ?? null);
    const requestHash = createHash("sha256").update(`${req.method} ${req.originalUrl}\n${body}`).digest("hex");

    // Expired records are replaced; a live one decides the outcome.
    await db.query(
      `delete from auth.idempotency_keys where scope = $1 and key = $2 and created_at < now() - make_interval(hours => $3)`,
      [scope, key, TTL_HOURS],
    );
    const claimed = await db.query(
      "insert into auth.idempotency_keys (scope, key, request_hash) values ($1, $2, $3) on conflict do nothing returning key",
      [scope, key, requestHash],
    );
    if (claimed.length === 0) {
      const [row] = await db.query<{
        request_hash: string;
        status_code: number | null;
        response_body: string | null;
        content_type: string | null;
      }>(
        "select request_hash, status_code, response_body, content_type from auth.idempotency_keys where scope = $1 and key = $2",
        [scope, key],
      );
      if (!row) throw new AppError("idempotency_key_in_flight", "A request with this Idempotency-Key is in progress");
      if (row.request_hash !== requestHash) {
        throw new AppError("idempotency_key_reused", "This Idempotency-Key was used with a different request");
      }
      if (row.status_code === null) {
        throw new AppError("idempotency_key_in_flight", "A request with this Idempotency-Key is in progress");
      }
      res.setHeader("Idempotent-Replayed", "true");
      if (row.content_type) res.setHeader("Content-Type", row.content_type);
      res.status(row.status_code).end(row.response_body ?? undefined);
      return;
    }

    // Store the response before it is sent, so an immediate retry already sees it.
    const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
    let stored = false;
    res.end = ((...args: unknown[]) => {
      if (stored) return end(...args);
      stored = true;
      const chunk = args[0];
      const body = typeof chunk === "string" ? chunk : Buffer.isBuffer(chunk) ? chunk.toString("utf8") : null;
      const write =
        res.statusCode >= 500
          ? db.query("delete from auth.idempotency_keys where scope = $1 and key = $2", [scope, key])
          : db.query(
              "update auth.idempotency_keys set status_code = $3, response_body = $4, content_type = $5 where scope = $1 and key = $2",
              [scope, key, res.statusCode, body, String(res.getHeader("content-type") ?? "") || null],
            );
      write.then(
        () => end(...args),
        (err) => {
          req.log.error({ err }, "could not store idempotent response");
          end(...args);
        },
      );
      return res;
    }) as typeof res.end;
    next();
  };
}

/**
 * Deletes expired records, a batch at a time so no statement holds locks for long; returns how many.
 * A request only replaces its own expired key, so without this the table grows for ever.
 */
export async function purgeExpiredIdempotencyKeys(db: Db, batch = 5_000): Promise<number> {
  let total = 0;
  for (;;) {
    const gone = await db.query(
      `delete from auth.idempotency_keys where (scope, key) in (
         select scope, key from auth.idempotency_keys
          where created_at < now() - make_interval(hours => $1) limit $2)
       returning 1`,
      [TTL_HOURS, batch],
    );
    total += gone.length;
    if (gone.length < batch) return total;
  }
}
