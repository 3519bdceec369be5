// Integration-test harness: the real server on port 0 over a fresh database per test file,
// PGlite in-process by default, the PostgreSQL server when DATABASE_URL is set.
import { randomBytes, randomUUID } from "node:crypto";
import { SMTPServer } from "smtp-server";
import { closeContext, createContext, type RunningServer, startServer } from "../src/app.js";
import { type Config, testConfig } from "../src/config.js";
import { openDb } from "../src/db/index.js";

export interface CapturedMail {
  to: string;
  raw: string;
}

/** A real SMTP listener that keeps every message it receives. */
export async function startSmtp() {
  const mails: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address).join(","),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Creates a throwaway database on the PostgreSQL server; returns its URL and a drop function. */
export async function freshPgDatabase(baseUrl: string) {
  const name = `lm_t_${randomBytes(6).toString("hex")}`;
  const admin = await openDb({ databaseUrl: baseUrl, dataDir: null });
  await admin.exec(`create database ${name}`);
  await admin.close();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const a = await openDb({ databaseUrl: baseUrl, dataDir: null });
      await a.exec(`drop database if exists ${name} with (force)`);
      await a.close();
    },
  };
}

export interface TestServer extends RunningServer {
  api: ReturnType<typeof client>;
  mails: CapturedMail[];
  stop(): Promise<void>;
}

export async function startTestServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const smtp = await startSmtp();
  const pg = process.env.DATABASE_URL ? await freshPgDatabase(process.env.DATABASE_URL) : null;
  const config = testConfig({
    port: 0,
    host: "127.0.0.1",
    dataDir: "",
    databaseUrl: pg?.url,
    smtpUrl: smtp.url,
    redisUrl: process.env.REDIS_URL,
    // Tests send X-Forwarded-For to act as different clients.
    trustProxy: 1,
    ...overrides,
  });
  const ctx = await createContext(config);
  const running = await startServer(ctx).catch(async (err: unknown) => {
    await closeContext(ctx);
    await smtp.close();
    await pg?.drop();
    throw err;
  });
  return {
    ...running,
    api: client(running.url),
    mails: smtp.mails,
    stop: async () => {
      await running.close();
      await smtp.close();
      await pg?.drop();
    },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: tests assert on response bodies field by field
export interface Res<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A thin fetch wrapper that never throws on status, so tests can assert on everything. */
export function client(baseUrl: string) {
  // biome-ignore lint/suspicious/noExplicitAny: as above
  return async function api<T = any>(
    method: string,
    path: string,
    opts: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string>; ip?: string } = {},
  ): Promise<Res<T>> {
    const headers: Record<string, string> = { "x-forwarded-for": opts.ip ?? randomIp(), ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.raw !== undefined) body = opts.raw;
    else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers["content-type"] ??= "application/json";
    }
    const res = await fetch(`${baseUrl}/api/v1${path}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {}
    return { status: res.status, headers: res.headers, body: parsed as T };
  };
}

// Each test gets its own client address unless it chooses one, so IP limits never collide.
export const randomIp = () => `10.${rand255()}.${rand255()}.${rand255()}`;
const rand255 = () => Math.floor(Math.random() * 255);

export const uniqueEmail = (tag = "user") => `${tag}-${randomUUID().slice(0, 8)}@example.com`;
export const PASSWORD = "Tr1cky-Study-Pass!";

/** Registers a user; `verified` flips the flag the way clicking the e-mail link would. */
export async function makeUser(
  s: TestServer,
  opts: { verified?: boolean; role?: "USER" | "MODERATOR" | "ADMIN"; name?: string } = {},
) {
  const email = uniqueEmail(opts.name ?? "user");
  const res = await s.api("POST", "/auth/register", {
    body: { email, password: PASSWORD, displayName: opts.name ?? "Student" },
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  const id: string = res.body.user.id;
  if (opts.verified !== false || opts.role) {
    await s.ctx.db.query("update public.users set email_verified = $2, role = $3 where id = $1", [
      id,
      opts.verified !== false,
      opts.role ?? "USER",
    ]);
  }
  return {
    id,
    email,
    password: PASSWORD,
    token: res.body.session.accessToken as string,
    refreshToken: res.body.session.refreshToken as string,
  };
}

/** The token in the last mail to `to` whose link has `path` (verify-email / reset-password). */
export function tokenFromMail(mails: CapturedMail[], to: string, path: string): string {
  const mail = [...mails].reverse().find((m) => m.to === to && m.raw.includes(path));
  if (!mail) throw new Error(`no ${path} mail to ${to}`);
  const unfolded = mail.raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
  const m = new RegExp(`${path}\\?token=([A-Za-z0-9_%-]+)`).exec(unfolded);
  if (!m) throw new Error("no token in mail");
  return decodeURIComponent(m[1]);
}

/**
 * Polls `fn` until it returns something truthy. The pause grows from 25 ms to 500 ms: a long wait
 * that polls the API with a student's token must stay under the per-user rate limit (300/min), or
 * every poll after the first few seconds is answered 429 and the awaited state is never seen.
 */
export async function waitFor<T>(fn: () => T | Promise<T>, timeoutMs = 5000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let pauseMs = 25;
  for (;;) {
    const v = await fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error("waitFor timed out");
    await new Promise((r) => setTimeout(r, pauseMs));
    pauseMs = Math.min(500, Math.round(pauseMs * 1.5));
  }
}

/** Waits for the mail to `to` with a `path` link and returns its token. */
export async function mailToken(s: TestServer, to: string, path: string): Promise<string> {
  await waitFor(() => s.mails.some((m) => m.to === to && m.raw.includes(path)));
  return tokenFromMail(s.mails, to, path);
}
