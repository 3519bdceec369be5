// Hostile input the security review reproduced as 500s (issue 12, items 7 and 11): each must be a
// 4xx problem+json that names the field. NUL bytes wherever text enters, cursors that decode but
// hold impossible values, 100,000-level JSON with an Idempotency-Key, tokens whose ids are not
// UUIDs, a UTF-16 body, oversized headers, and missing or traversing paths under /assets/.
import { createHmac } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import express from "express";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { notFoundHandler, problemHandler } from "../src/http/problem.js";
import { serveWebApp } from "../src/web/static.js";
import { makeUser, type Res, type TestServer, startTestServer } from "./harness.js";

const SECRET = "hostile-input-test-secret-that-is-long-enough";
const NUL = "Photo\u0000synthesis";

let s: TestServer;
let owner: Awaited<ReturnType<typeof makeUser>>;
let student: Awaited<ReturnType<typeof makeUser>>;
let videoId: string;
beforeAll(async () => {
  s = await startTestServer({ jwtSecret: SECRET });
  owner = await makeUser(s, { name: "owner" });
  student = await makeUser(s, { name: "student" });
  videoId = await insertVideo("Photosynthesis basics");
  await insertVideo("Photosynthesis in depth");
});
afterAll(() => s?.stop());

async function insertVideo(title: string) {
  const [row] = await s.ctx.db.query<{ id: string }>(
    `insert into public.videos (title, subject, difficulty, topic, created_by, status)
     values ($1, 'BIOLOGY', 'BEGINNER', 'Photosynthesis', $2, 'PUBLIC') returning id`,
    [title, owner.id],
  );
  return row.id;
}

/** A 400 problem+json whose errors[] names `path`. */
function expectFieldError(res: Res, path: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect(res.body.code).toBe("validation_error");
  expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
}

/** A GET with node:http, which sends the path exactly as written. */
function rawRequest(url: string, headers: Record<string, string> = {}) {
  const { origin, pathname, search } = new URL(url);
  const path = url.slice(origin.length) || `${pathname}${search}`;
  return new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    const req = request(origin, { path, headers }, (r) => {
      let body = "";
      r.on("data", (c) => {
        body += c;
      });
      r.on("end", () => resolve({ status: r.statusCode ?? 0, type: r.headers["content-type"] ?? "", body }));
    });
    req.on("error", reject);
    req.end();
  });
}
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("NUL bytes wherever text enters", () => {
  it("comment text, on create and on edit", async () => {
    expectFieldError(await s.api("POST", "/comments", { token: student.token, body: { videoId, text: NUL } }), "text");
    const ok = await s.api("POST", "/comments", { token: student.token, body: { videoId, text: "Clear" } });
    expect(ok.status).toBe(201);
    expectFieldError(
      await s.api("PATCH", `/comments/${ok.body.id}`, { token: student.token, body: { text: NUL } }),
      "text",
    );
  });

  it("display name, at registration and in a profile edit", async () => {
    const body = { email: `nul-${Date.now()}@example.com`, password: "Tr1cky-Study-Pass!", displayName: NUL };
    expectFieldError(await s.api("POST", "/auth/register", { body }), "displayName");
    expectFieldError(
      await s.api("PATCH", `/users/${student.id}`, { token: student.token, body: { displayName: NUL } }),
      "displayName",
    );
  });

  it("a lesson's title, tags and topic", async () => {
    const path = `/videos/${videoId}`;
    expectFieldError(await s.api("PATCH", path, { token: owner.token, body: { title: NUL } }), "title");
    expectFieldError(await s.api("PATCH", path, { token: owner.token, body: { tags: ["ok", NUL] } }), "tags.1");
    const create = { topic: NUL, subject: "BIOLOGY", difficulty: "BEGINNER", sourceText: "Plants make sugar." };
    expectFieldError(await s.api("POST", "/videos", { token: owner.token, body: create }), "topic");
  });

  it("a report's reason, on a lesson and on a comment", async () => {
    expectFieldError(
      await s.api("POST", `/videos/${videoId}/report`, { token: student.token, body: { reason: NUL } }),
      "reason",
    );
    const c = await s.api("POST", "/comments", { token: owner.token, body: { videoId, text: "Thanks all" } });
    expectFieldError(
      await s.api("POST", `/comments/${c.body.id}/report`, { token: student.token, body: { reason: NUL } }),
      "reason",
    );
  });

  it("a view's clientId and the search query", async () => {
    expectFieldError(
      await s.api("POST", `/videos/${videoId}/view`, { body: { clientId: "device-\u0000-1234" } }),
      "clientId",
    );
    expectFieldError(await s.api("GET", `/videos?q=${encodeURIComponent(NUL)}`), "q");
  });

  it("a planner event's title and description", async () => {
    const event = { title: NUL, type: "EXAM", startDate: "2031-01-01T09:00:00Z" };
    expectFieldError(await s.api("POST", "/planner/events", { token: student.token, body: event }), "title");
    const ok = { ...event, title: "Exam", description: "room\u00002" };
    expectFieldError(await s.api("POST", "/planner/events", { token: student.token, body: ok }), "description");
  });

  it("SUMMARY and the other text of an imported calendar", async () => {
    const ics = (line: string) =>
      [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//test//EN",
        "BEGIN:VEVENT",
        "UID:nul-1@test",
        "DTSTART:20310101T090000Z",
        line,
        "END:VEVENT",
        "END:VCALENDAR",
        "",
      ].join("\r\n");
    for (const [name, line] of [
      ["SUMMARY", `SUMMARY:${NUL}`],
      ["DESCRIPTION", `DESCRIPTION:${NUL}`],
      ["LOCATION", `LOCATION:${NUL}`],
      ["CATEGORIES", `CATEGORIES:EXAM,${NUL}`],
    ]) {
      const res = await s.api("POST", "/planner/import", {
        token: student.token,
        raw: ics(line),
        headers: { "content-type": "text/calendar" },
      });
      expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect(res.body.detail).toContain(name);
    }
  });
});

describe("bodies", () => {
  it("100,000 levels of JSON with an Idempotency-Key: 400, and the key stays unused", async () => {
    const deep = `${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`;
    const res = await s.api("POST", "/comments", {
      token: student.token,
      raw: deep,
      headers: { "content-type": "application/json", "idempotency-key": "deep-1" },
    });
    expectFieldError(res, "(body)");
    const keys = await s.ctx.db.query("select 1 from auth.idempotency_keys where key = 'deep-1'");
    expect(keys).toHaveLength(0);
  });

  it("a JSON body in UTF-16 is 415, not a parse error", async () => {
    const res = await s.api("POST", "/comments", {
      token: student.token,
      raw: JSON.stringify({ videoId, text: "hi" }),
      headers: { "content-type": "application/json; charset=utf-16" },
    });
    expect(res.status).toBe(415);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe("unsupported_media_type");
  });
});

describe("cursors and dates that parse but hold impossible values", () => {
  const NEW_TS = "2024-05-01 10:00:00.123456+00";
  const UUID = "7b0c3a55-1a0e-4f5e-9a55-6a1b2c3d4e5f";
  const videoCursors: Array<[string, string, unknown]> = [
    ["new: Feb 31", "sort=new", { s: "new", v: ["2024-02-31 10:00:00.123456+00", UUID] }],
    ["new: year 0000", "sort=new", { s: "new", v: ["0000-05-01 10:00:00+00", UUID] }],
    ["new: month 99", "sort=new", { s: "new", v: ["2024-99-01 10:00:00+00", UUID] }],
    ["new: not a uuid", "sort=new", { s: "new", v: [NEW_TS, "abc"] }],
    ["top: non-numeric average", "sort=top", { s: "top", v: ["abc", "3", UUID] }],
    ["top: count beyond int", "sort=top", { s: "top", v: ["4.5", "99999999999", UUID] }],
    ["trending: non-numeric score", "sort=trending", { s: "trending", v: ["NaNx", UUID] }],
    ["trending: score out of range", "sort=trending", { s: "trending", v: ["1e999", UUID] }],
    ["for_you: non-numeric", "sort=for_you", { s: "for_you", v: ["x", "1.5", UUID] }],
    ["relevance: non-numeric rank", "q=photosynthesis", { s: "relevance", v: ["rank", UUID] }],
  ];
  for (const [name, query, cursor] of videoCursors) {
    it(`videos, ${name}`, async () => {
      expectFieldError(
        await s.api("GET", `/videos?${query}&cursor=${b64(cursor)}`, { token: student.token }),
        "cursor",
      );
    });
  }

  it("comments and the moderators' queue: Feb 31, year 0000, month 99", async () => {
    const mod = await makeUser(s, { role: "MODERATOR", name: "mod" });
    for (const t of ["2024-02-31T10:00:00.000000Z", "0000-01-01T00:00:00.000000Z", "2024-99-01T00:00:00.000000Z"]) {
      expectFieldError(await s.api("GET", `/comments?videoId=${videoId}&cursor=${b64([t, UUID])}`), "cursor");
      expectFieldError(
        await s.api("GET", `/moderation/videos?cursor=${b64([t, UUID])}`, { token: mod.token }),
        "cursor",
      );
    }
  });

  it("notifications: Feb 31, year 0000, month 99, hour 25, offset +99", async () => {
    for (const t of [
      "2024-02-31 10:00:00.123+00",
      "0000-01-01 10:00:00+00",
      "2024-99-01 10:00:00+00",
      "2024-01-01 25:00:00+00",
      "2024-01-01 10:00:00+99",
    ]) {
      expectFieldError(
        await s.api("GET", `/notifications?cursor=${b64([t, UUID])}`, { token: student.token }),
        "cursor",
      );
    }
  });

  it("an event date PostgreSQL would refuse: year 0000, an offset past ±15:59", async () => {
    for (const startDate of ["0000-06-01T09:00:00Z", "2031-06-01T09:00:00+23:59", "9999-12-31T23:59:59-15:00"]) {
      const body = { title: "Exam", type: "EXAM", startDate };
      expectFieldError(await s.api("POST", "/planner/events", { token: student.token, body }), "startDate");
    }
    const from = encodeURIComponent("0000-01-01T00:00:00Z");
    expectFieldError(await s.api("GET", `/planner/events?from=${from}`, { token: student.token }), "from");
  });

  it("the cursors the server hands out still page through every sort", async () => {
    for (const query of ["sort=new", "sort=top", "sort=trending", "sort=for_you", "q=photosynthesis"]) {
      const first = await s.api("GET", `/videos?${query}&limit=1`, { token: student.token });
      expect(first.body.nextCursor, query).toEqual(expect.any(String));
      const second = await s.api("GET", `/videos?${query}&limit=1&cursor=${first.body.nextCursor}`, {
        token: student.token,
      });
      expect(second.status, query).toBe(200);
      expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    }
  });
});

describe("URLs, headers and tokens", () => {
  it("a path parameter that is not valid percent-encoding is a 400 naming the path", async () => {
    expectFieldError(await s.api("GET", "/videos/%E0%A4%A"), "(path)");
  });

  it("headers too large: 431 as problem+json", async () => {
    const res = await rawRequest(`${s.url}/api/v1/videos`, { "x-padding": "x".repeat(20 * 1024) });
    expect(res.status).toBe(431);
    expect(res.type).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(res.body)).toMatchObject({ status: 431, code: "headers_too_large" });
  });

  const key = createHmac("sha256", SECRET).update("jwt").digest();
  const signed = (claims: Record<string, unknown>) =>
    new SignJWT({ role: "USER", ...claims })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("little-monster")
      .setAudience("little-monster-api")
      .setExpirationTime("5m")
      .sign(key);

  it("a validly signed token whose sid or sub is not a UUID is 401, on the API and the socket", async () => {
    const sid = JSON.parse(Buffer.from(student.token.split(".")[1], "base64url").toString()).sid as string;
    for (const claims of [
      { sub: student.id, sid: "not-a-uuid" },
      { sub: "not-a-uuid", sid },
      { sub: student.id, sid: `${sid}\u0000` },
    ]) {
      const token = await signed(claims);
      const res = await s.api("GET", "/users/me", { token });
      expect(res.status, JSON.stringify(claims)).toBe(401);
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      const ws = new WebSocket(`${s.url.replace("http", "ws")}/api/v1/realtime?access_token=${token}`);
      await expect(
        new Promise((resolve, reject) => {
          ws.once("open", resolve);
          ws.once("error", reject);
        }),
      ).rejects.toThrow(/401/);
    }
  });
});

describe("/assets/ of the web app", () => {
  let server: Server;
  let base: string;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), "lm-dist-"));
    mkdirSync(join(dist, "assets"));
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>app</title>");
    writeFileSync(join(dist, "assets", "app-123.js"), "console.log(1)");
    writeFileSync(join(dist, "secret.txt"), "not an asset");
    const app = express();
    serveWebApp(app, { dist });
    app.use(notFoundHandler);
    app.use(problemHandler);
    server = await new Promise<Server>((resolve) => {
      const srv = app.listen(0, "127.0.0.1", () => resolve(srv));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    rmSync(dist, { recursive: true, force: true });
  });

  it("serves a real asset, and answers a missing one or an encoded .. with 404 problem+json", async () => {
    expect((await fetch(`${base}/assets/app-123.js`)).status).toBe(200);
    // Sent as written: fetch() would resolve the dot segments before they reach the server.
    for (const path of ["/assets/missing-456.js", "/assets/..%2Fsecret.txt", "/assets/%2e%2e/secret.txt"]) {
      const res = await rawRequest(`${base}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.type, path).toMatch(/^application\/problem\+json/);
      expect(res.body).not.toContain("not an asset");
    }
  });
});
