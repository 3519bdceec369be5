// Contract conventions: problem+json for bad input, headers, CORS, health, metrics, OpenAPI.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser, type TestServer, startTestServer } from "./harness.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ corsOrigins: ["https://app.example.com"], bodyLimit: "1mb" });
});
afterAll(() => s.stop());

describe("bad input", () => {
  it("malformed JSON → 400 invalid_json as problem+json, with no stack trace", async () => {
    const res = await s.api("POST", "/auth/login", {
      raw: '{"email": ',
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: "about:blank", status: 400, code: "invalid_json", title: "Malformed JSON" });
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts|SyntaxError/);
  });

  it("wrong content type on a JSON endpoint → 415 unsupported_media_type", async () => {
    const res = await s.api("POST", "/auth/login", {
      raw: "email=a@b.c",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(415);
    expect(res.body.code).toBe("unsupported_media_type");
  });

  it("a body over 1 MiB → 413 payload_too_large, and nothing is written", async () => {
    const big = JSON.stringify({ email: "big@example.com", password: "x".repeat(1_100_000), displayName: "Big" });
    const res = await s.api("POST", "/auth/register", { raw: big, headers: { "content-type": "application/json" } });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe("payload_too_large");
    expect(await s.ctx.db.query("select 1 from public.users where email = 'big@example.com'")).toHaveLength(0);
  });

  it("unknown routes → 404 not_found", async () => {
    const res = await s.api("GET", "/definitely/not/here");
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("not_found");
  });

  it("a JSON array or scalar where an object is expected is a validation error, not a 500", async () => {
    for (const raw of ["[]", "42", "null", '"str"']) {
      const res = await s.api("POST", "/auth/login", { raw, headers: { "content-type": "application/json" } });
      expect(res.status).toBe(400);
    }
  });

  it("an unexpected server error is a bare 500 internal problem", async () => {
    const { problemHandler } = await import("../src/http/problem.js");
    let status = 0;
    let body = "";
    const res = {
      setHeader() {},
      status(c: number) {
        status = c;
        return this;
      },
      type() {
        return this;
      },
      send(b: string) {
        body = b;
        return this;
      },
    };
    problemHandler(
      new Error("secret SQL: select * from auth.credentials"),
      { log: s.ctx.log } as never,
      res as never,
      () => {},
    );
    expect(status).toBe(500);
    expect(JSON.parse(body)).toEqual({
      type: "about:blank",
      title: "Internal server error",
      status: 500,
      code: "internal",
      detail: "Something went wrong on our side",
    });
  });
});

describe("headers", () => {
  it("every response carries a request id and security headers; an incoming id is kept", async () => {
    const res = await fetch(`${s.url}/healthz`, { headers: { "x-request-id": "trace-12345678" } });
    expect(res.headers.get("x-request-id")).toBe("trace-12345678");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-powered-by")).toBeNull();
    const generated = await fetch(`${s.url}/healthz`);
    expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("CORS allows configured origins only", async () => {
    const ok = await fetch(`${s.url}/api/v1/users/me`, {
      method: "OPTIONS",
      headers: { origin: "https://app.example.com", "access-control-request-method": "GET" },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    const bad = await fetch(`${s.url}/api/v1/users/me`, { headers: { origin: "https://evil.example.com" } });
    expect(bad.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("operations", () => {
  it("/healthz and /readyz answer with dependency states", async () => {
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${s.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ db: "ok" });
  });

  it("/metrics is open on loopback and counts requests by route pattern, not raw URL", async () => {
    const u = await makeUser(s);
    await s.api("GET", `/users/${u.id}`);
    const res = await fetch(`${s.url}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/http_request_duration_seconds_bucket\{[^}]*route="\/api\/v1\/users\/:id"/);
    expect(text).not.toContain(u.id);
  });

  it("/metrics needs METRICS_TOKEN when the caller is not on loopback", async () => {
    const other = await import("./harness.js").then((h) =>
      h.startTestServer({ metricsToken: "metrics-token-0123456789" }),
    );
    try {
      const proxied = await fetch(`${other.url}/metrics`, { headers: { "x-forwarded-for": "203.0.113.9" } });
      expect(proxied.status).toBe(403);
      const withToken = await fetch(`${other.url}/metrics`, {
        headers: { "x-forwarded-for": "203.0.113.9", authorization: "Bearer metrics-token-0123456789" },
      });
      expect(withToken.status).toBe(200);
    } finally {
      await other.stop();
    }
  });

  it("serves an OpenAPI 3.1 document generated from the core schemas, and a local docs page", async () => {
    const doc = await (await fetch(`${s.url}/api/v1/openapi.json`)).json();
    expect(doc.openapi).toBe("3.1.0");
    const register = doc.paths["/auth/register"].post;
    expect(register.requestBody.content["application/json"].schema.properties).toHaveProperty("password");
    expect(register.requestBody.content["application/json"].schema.additionalProperties).toBe(false);
    expect(doc.paths["/users/{id}/stats"].get.responses["200"].content["application/json"].schema.required).toContain(
      "streakDays",
    );
    const page = await fetch(`${s.url}/api/docs/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("/api/docs/init.js");
    expect(await (await fetch(`${s.url}/api/docs/init.js`)).text()).toContain("/api/v1/openapi.json");
    expect(html).not.toMatch(/https?:\/\/(?!localhost)/);
    expect((await fetch(`${s.url}/api/docs/assets/swagger-ui-bundle.js`)).status).toBe(200);
  });
});

describe("compression", () => {
  it("compresses JSON responses for clients that accept gzip", async () => {
    const res = await fetch(`${s.url}/api/v1/openapi.json`, { headers: { "accept-encoding": "gzip" } });
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect((await res.json()).openapi).toBe("3.1.0");
  });
});
