// deploy/nginx: the template renders to a config `nginx -t` accepts, and the real nginx (Debian's,
// on loopback) in front of a real instance does what the config promises: TLS 1.3 only, HTTP →
// HTTPS, X-Forwarded-* for TRUST_PROXY=1, WebSocket upgrade, the app's body and header limits as
// problem+json, failover for reads, and never a second delivery of a write.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import { request as httpRequest } from "node:http";
import { Agent, request as httpsRequest } from "node:https";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect as tlsConnect } from "node:tls";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { type TestServer, startTestServer, waitFor } from "../harness.js";
import { NGINX_DIR, renderLoopback } from "../support/nginx.js";
import { freePort } from "./promql.js";

const NGINX = "/usr/sbin/nginx";
const run = promisify(execFile);

let s: TestServer;
let dir: string;
let nginx: ChildProcess | undefined;
let ports: { http: number; https: number };
let ca: Buffer;
let agent: Agent;
/** Headers of every request that reached the instance, as it received them. */
const arrived: IncomingHttpHeaders[] = [];
/** An upstream that reads a request and drops the connection: an instance dying mid-request. */
let crasher: Server;
const crashed: string[] = [];

beforeAll(async () => {
  s = await startTestServer();
  const keep = (req: IncomingMessage) => arrived.push({ ...req.headers, ":method": req.method, ":path": req.url });
  s.server.on("request", keep);
  s.server.on("upgrade", keep);
  crasher = createServer((socket: Socket) => {
    socket.once("data", (d) => {
      crashed.push(d.toString("latin1").split("\r\n")[0]);
      socket.destroy();
    });
  });
  await new Promise<void>((resolve) => crasher.listen(0, "127.0.0.1", resolve));
  const crasherPort = (crasher.address() as { port: number }).port;
  dir = mkdtempSync(join(tmpdir(), "lm-nginx-"));
  ports = { http: await freePort(), https: await freePort() };
  // max_fails=0 keeps the dying instance in rotation, so every run sees requests reach it.
  const upstream = `server 127.0.0.1:${crasherPort} max_fails=0;\nserver ${new URL(s.url).host} max_fails=0;\n`;
  const conf = await renderLoopback(dir, upstream, ports);
  await run(NGINX, ["-t", "-q", "-p", dir, "-c", conf]);
  nginx = spawn(NGINX, ["-p", dir, "-c", conf, "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"] });
  ca = readFileSync(join(dir, "certs", "cert.pem"));
  agent = new Agent({ ca, keepAlive: false });
  await waitFor(async () => (await get("/healthz").catch(() => null))?.status === 200, 10_000);
});

afterAll(async () => {
  if (nginx?.pid) {
    const exited = new Promise((resolve) => nginx?.once("exit", resolve));
    nginx.kill("SIGQUIT");
    await exited;
  }
  agent?.destroy();
  await new Promise((resolve) => crasher?.close(resolve));
  await s.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Res {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function send(method: string, path: string, opts: { headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<Res>((resolve, reject) => {
    const req = httpsRequest(
      { host: "127.0.0.1", port: ports.https, servername: "localhost", method, path, agent, headers: opts.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on("error", reject);
    req.end(opts.body);
  });
}
const get = (path: string, headers?: Record<string, string>) => send("GET", path, { headers });

describe("nginx in front of the API", () => {
  it("the deploy config, as shipped (two instances by name), passes nginx -t once the names resolve", async () => {
    const shipped = readFileSync(join(NGINX_DIR, "upstream.conf"), "utf8");
    expect(shipped).toMatch(/server api1:3000/);
    const other = mkdtempSync(join(tmpdir(), "lm-nginx-t-"));
    try {
      const conf = await renderLoopback(other, shipped.replace(/api(\d):3000/g, "127.0.0.1:300$1"), {
        http: 8080,
        https: 8443,
      });
      const { stderr } = await run(NGINX, ["-t", "-p", other, "-c", conf]);
      expect(stderr).toContain("test is successful");
      // A broken config is refused: the test can fail.
      writeFileSync(conf, readFileSync(conf, "utf8").replace("least_conn;", "least_conn"));
      await expect(run(NGINX, ["-t", "-p", other, "-c", conf])).rejects.toThrow(/least_conn/);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it("speaks TLS 1.3 only and sends plain HTTP to HTTPS", async () => {
    const protocol = await new Promise<string | null>((resolve, reject) => {
      const socket = tlsConnect({ host: "127.0.0.1", port: ports.https, servername: "localhost", ca }, () => {
        resolve(socket.getProtocol());
        socket.end();
      });
      socket.on("error", reject);
    });
    expect(protocol).toBe("TLSv1.3");
    await expect(
      new Promise((resolve, reject) => {
        const socket = tlsConnect(
          { host: "127.0.0.1", port: ports.https, servername: "localhost", ca, maxVersion: "TLSv1.2" },
          () => resolve(socket.getProtocol()),
        );
        socket.on("error", reject);
      }),
    ).rejects.toThrow();
    const redirect = await new Promise<Res>((resolve, reject) => {
      httpRequest(
        { host: "127.0.0.1", port: ports.http, path: "/api/v1/videos?x=1", headers: { host: "localhost" } },
        (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: "" });
        },
      )
        .on("error", reject)
        .end();
    });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe(`https://localhost:${ports.https}/api/v1/videos?x=1`);
  });

  it("passes the client's address, scheme and host the way TRUST_PROXY=1 reads them", async () => {
    const marker = randomUUID();
    // A client-supplied X-Forwarded-For stays in the chain, but the last entry is nginx's own.
    const res = await get(`/api/v1/videos?limit=1&m=${marker}`, { "x-forwarded-for": "203.0.113.9" });
    expect(res.status).toBe(200);
    expect(res.headers["strict-transport-security"]).toContain("max-age=");
    const seen = arrived.find((h) => h[":path"]?.includes(marker));
    expect(seen?.["x-forwarded-for"]).toBe("203.0.113.9, 127.0.0.1");
    expect(seen?.["x-forwarded-proto"]).toBe("https");
    expect(seen?.["x-forwarded-host"]).toBe("127.0.0.1");
    expect(seen?.["x-request-id"]).toMatch(/^[0-9a-f]{32}$/);
  });

  it("upgrades /api/v1/realtime to a WebSocket through TLS, with the client's address", async () => {
    const marker = randomUUID();
    // From another loopback address, as a student's own IP: the per-IP socket limit reads it.
    const ws = new WebSocket(`wss://127.0.0.1:${ports.https}/api/v1/realtime?m=${marker}`, {
      ca,
      localAddress: "127.0.0.9",
    });
    const messages: Array<{ type: string; channel?: string; code?: string }> = [];
    ws.on("message", (d) => messages.push(JSON.parse(d.toString())));
    await new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
    });
    ws.send(JSON.stringify({ type: "ping" }));
    await waitFor(() => messages.some((m) => m.type === "pong"));
    ws.close();
    // The realtime location sets its own headers, and nginx then drops every inherited one unless
    // it is repeated there: all sockets looked as if they came from nginx, one IP for the school.
    const seen = arrived.find((h) => h[":path"]?.includes(marker));
    expect(seen?.["x-forwarded-for"]).toBe("127.0.0.9");
    expect(seen?.["x-forwarded-proto"]).toBe("https");
    expect(seen?.["x-request-id"]).toMatch(/^[0-9a-f]{32}$/);
  });

  it("refuses a body over 1 MiB and a header over 16 KiB with problem+json, and lets the rest through", async () => {
    const big = await send("POST", "/api/v1/auth/login", {
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "a@example.com", password: "x".repeat(1024 * 1024) }),
    });
    expect(big.status).toBe(413);
    expect(big.headers["content-type"]).toBe("application/problem+json");
    expect(JSON.parse(big.body)).toMatchObject({ status: 413, code: "payload_too_large" });
    // Just under the limit reaches the app, which judges the content itself.
    const marker = randomUUID();
    const fits = await send("POST", `/api/v1/auth/login?m=${marker}`, {
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "a@example.com", password: "x".repeat(1000 * 1000) }),
    });
    expect(fits.status).toBeGreaterThanOrEqual(400);
    expect(fits.status).toBeLessThan(500);
    expect(arrived.some((h) => h[":path"]?.includes(marker))).toBe(true);

    const header = await get("/api/v1/videos", { "x-padding": "y".repeat(17 * 1024) });
    expect(header.status).toBe(431);
    expect(JSON.parse(header.body)).toMatchObject({ status: 431 });
    expect(header.headers["content-type"]).toBe("application/problem+json");
  });

  it("routes reads around an instance that dies mid-request, and never sends a write twice", async () => {
    crashed.length = 0;
    const reads = [];
    for (let i = 0; i < 6; i++) reads.push(await get(`/api/v1/videos?limit=1&read=${i}`));
    expect(reads.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(crashed.some((line) => line.startsWith("GET "))).toBe(true);

    const writes: Array<{ marker: string; res: Res }> = [];
    for (let i = 0; i < 6; i++) {
      const marker = randomUUID();
      const res = await send("POST", `/api/v1/auth/login?m=${marker}`, {
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: `${marker}@example.com`, password: "wrong-password-1" }),
      });
      writes.push({ marker, res });
    }
    for (const { marker, res } of writes) {
      const atApp = arrived.filter((h) => h[":path"]?.includes(marker)).length;
      const atDying = crashed.filter((line) => line.includes(marker)).length;
      // Exactly one instance saw each write; if it was the dying one, the client is told to retry.
      expect(atApp + atDying).toBe(1);
      if (atDying) {
        expect(res.status, res.body).toBe(503);
        expect(res.headers["retry-after"]).toBe("5");
        expect(JSON.parse(res.body)).toMatchObject({ code: "service_unavailable" });
      } else expect(res.status).toBe(401);
    }
    expect(writes.some(({ marker }) => crashed.some((line) => line.includes(marker)))).toBe(true);
  });
});
