// Nothing of a deleted account stays behind (stored idempotent responses, thumbnails and video files
// on disk, pending reminder jobs); expired idempotency records are purged on a timer; and no live
// token reaches the log when mail goes to the outbox.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import { createMailer } from "../src/mail/mailer.js";
import { resetPasswordMail } from "../src/auth/mails.js";
import { mediaKey } from "../src/media/render/files.js";
import { NOTES } from "./fixtures/notes.js";
import { makeUser, type TestServer, startTestServer, waitFor } from "./harness.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ idempotencyPurgeIntervalMs: 250 });
});
afterAll(() => s.stop());

const count = async (sql: string, params: unknown[]) =>
  Number((await s.ctx.db.query<{ n: number }>(`select count(*)::int as n from ${sql}`, params))[0].n);

describe("deleting an account", () => {
  it("removes its stored idempotent responses, its files on disk and its pending reminder jobs", async () => {
    const u = await makeUser(s);
    const created = await s.api("POST", "/videos", {
      token: u.token,
      headers: { "idempotency-key": "private-lesson-1" },
      body: { topic: "My diary", subject: "BIOLOGY", difficulty: "BEGINNER", sourceText: NOTES, visibility: "PRIVATE" },
    });
    expect(created.status).toBe(202);
    const id: string = created.body.id;
    await waitFor(async () => (await s.ctx.storage.stat(`thumbnails/${id}.png`)) !== null, 30_000);
    // What a render leaves: the video and its tracks (rendering itself is off in tests).
    await s.ctx.storage.put(mediaKey(id, "video.mp4"), Buffer.from("mp4"), "video/mp4");
    await s.ctx.storage.put(mediaKey(id, "captions.vtt"), Buffer.from("WEBVTT"), "text/vtt");
    const ev = await s.api("POST", "/planner/events", {
      token: u.token,
      body: {
        title: "Exam",
        type: "EXAM",
        startDate: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        reminders: [60],
      },
    });
    expect(ev.status).toBe(201);
    const pendingJobs = () =>
      count("pgboss.job where name = 'send-reminder' and data->>'userId' = $1 and state in ('created', 'retry')", [
        u.id,
      ]);
    expect(await pendingJobs()).toBe(1);
    expect(await count("auth.idempotency_keys where scope = $1", [`u:${u.id}`])).toBe(1);

    expect((await s.api("DELETE", `/users/${u.id}`, { token: u.token })).status).toBe(204);

    expect(await count("auth.idempotency_keys where scope = $1", [`u:${u.id}`])).toBe(0);
    expect(await pendingJobs()).toBe(0);
    expect(await s.ctx.storage.stat(`thumbnails/${id}.png`)).toBeNull();
    expect(await s.ctx.storage.stat(mediaKey(id, "video.mp4"))).toBeNull();
    expect(await s.ctx.storage.stat(mediaKey(id, "captions.vtt"))).toBeNull();
  });
});

describe("idempotency records", () => {
  it("are purged once expired (24 h), on a timer, and kept while live", async () => {
    await s.ctx.db.query(
      `insert into auth.idempotency_keys (scope, key, request_hash, status_code, response_body, created_at)
       values ('ip:purge-test', 'old', 'h', 201, '{}', now() - interval '25 hours'),
              ('ip:purge-test', 'new', 'h', 201, '{}', now() - interval '23 hours')`,
      [],
    );
    await waitFor(async () => (await count("auth.idempotency_keys where scope = 'ip:purge-test'", [])) === 1, 10_000);
    const [left] = await s.ctx.db.query<{ key: string }>(
      "select key from auth.idempotency_keys where scope = 'ip:purge-test'",
      [],
    );
    expect(left.key).toBe("new");
  });
});

describe("outbox mail", () => {
  it("is written to the outbox with a log line that holds no link or token", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    const dir = mkdtempSync(join(tmpdir(), "lm-outbox-"));
    try {
      const log = createLogger("info", sink);
      const mailer = createMailer({ from: testConfig().mailFrom, outboxDir: dir, log });
      const token = "live-reset-token-0123456789abcdef";
      await mailer.send(resetPasswordMail("http://app.test", { email: "ann@example.com", display_name: "Ann" }, token));
      expect(readdirSync(dir).filter((f) => f.endsWith(".eml"))).toHaveLength(1);
      const logged = lines.join("");
      expect(logged).toContain("outbox");
      expect(logged).not.toContain(token);
      expect(logged).not.toContain("reset-password?");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
