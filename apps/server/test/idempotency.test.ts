// Idempotency-Key on POST: replay, reuse with another body, scope per user, failures not stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser, PASSWORD, randomIp, type TestServer, startTestServer, uniqueEmail } from "./harness.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

describe("Idempotency-Key", () => {
  it("the same key and body replays the first response without doing the work twice", async () => {
    const ip = randomIp();
    const email = uniqueEmail("idem");
    const body = { email, password: PASSWORD, displayName: "Once" };
    const first = await s.api("POST", "/auth/register", { ip, body, headers: { "idempotency-key": "k-1" } });
    const second = await s.api("POST", "/auth/register", { ip, body, headers: { "idempotency-key": "k-1" } });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await s.ctx.db.query("select 1 from public.users where email = $1", [email])).toHaveLength(1);
  });

  it("the same key with a different body → 422 idempotency_key_reused", async () => {
    const u = await makeUser(s);
    const h = { "idempotency-key": "k-2" };
    expect((await s.api("POST", "/auth/resend-verification", { token: u.token, body: {}, headers: h })).status).toBe(
      202,
    );
    const other = await s.api("POST", "/auth/logout", { token: u.token, body: {}, headers: h });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe("idempotency_key_reused");
  });

  it("keys are scoped per user", async () => {
    const a = await makeUser(s);
    const b = await makeUser(s);
    const h = { "idempotency-key": "shared-key" };
    expect((await s.api("POST", "/auth/resend-verification", { token: a.token, body: {}, headers: h })).status).toBe(
      202,
    );
    const res = await s.api("POST", "/auth/resend-verification", { token: b.token, body: {}, headers: h });
    expect(res.status).toBe(202);
    expect(res.headers.get("idempotent-replayed")).toBeNull();
  });

  it("a key still in flight → 409 idempotency_key_in_flight", async () => {
    const u = await makeUser(s);
    await s.ctx.db.query("insert into auth.idempotency_keys (scope, key, request_hash) values ($1, 'busy', 'x')", [
      `u:${u.id}`,
    ]);
    const { sha256 } = await import("../src/auth/tokens.js");
    await s.ctx.db.query("update auth.idempotency_keys set request_hash = $2 where scope = $1 and key = 'busy'", [
      `u:${u.id}`,
      sha256(`POST /api/v1/auth/resend-verification\n${JSON.stringify({})}`),
    ]);
    const res = await s.api("POST", "/auth/resend-verification", {
      token: u.token,
      body: {},
      headers: { "idempotency-key": "busy" },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("idempotency_key_in_flight");
  });

  it("keys expire after 24 h", async () => {
    const u = await makeUser(s);
    const h = { "idempotency-key": "old" };
    await s.api("POST", "/auth/resend-verification", { token: u.token, body: {}, headers: h });
    await s.ctx.db.query("update auth.idempotency_keys set created_at = now() - interval '25 hours' where key = 'old'");
    const res = await s.api("POST", "/auth/resend-verification", { token: u.token, body: {}, headers: h });
    expect(res.headers.get("idempotent-replayed")).toBeNull();
  });

  it("refuses an over-long key with 400", async () => {
    const res = await s.api("POST", "/auth/forgot-password", {
      body: { email: uniqueEmail() },
      headers: { "idempotency-key": "k".repeat(256) },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe("Idempotency-Key");
  });
});

describe("Idempotency-Key on a text/calendar upload", () => {
  const ics = (uid: string) =>
    [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//t//t//EN",
      "BEGIN:VEVENT",
      `UID:${uid}`,
      "DTSTAMP:20261101T000000Z",
      "DTSTART:20261201T090000Z",
      "DTEND:20261201T100000Z",
      "SUMMARY:Lecture",
      "END:VEVENT",
      "END:VCALENDAR",
      "",
    ].join("\r\n");

  it("replays the same file and refuses another file under the same key", async () => {
    const u = await makeUser(s);
    const headers = { "content-type": "text/calendar", "idempotency-key": "ics-1" };
    const first = await s.api("POST", "/planner/import", { token: u.token, raw: ics("a@x"), headers });
    expect(first.status).toBe(201);
    const replay = await s.api("POST", "/planner/import", { token: u.token, raw: ics("a@x"), headers });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    const other = await s.api("POST", "/planner/import", { token: u.token, raw: ics("b@x"), headers });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe("idempotency_key_reused");
  });
});
