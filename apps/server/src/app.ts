// Builds the context (database, services) and the Express app. Tests start it on port 0.
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import compression from "compression";
import express from "express";
import { Redis } from "ioredis";
import { createProvider } from "./ai/providers/index.js";
import { burnDummyVerify } from "./auth/passwords.js";
import { authRoutes } from "./auth/routes.js";
import { AuthService } from "./auth/service.js";
import { sessionCache } from "./auth/session-cache.js";
import { resolveJwtSecret, TokenService } from "./auth/tokens.js";
import type { Config } from "./config.js";
import type { AppContext } from "./context.js";
import { type Db, migrate, openDb } from "./db/index.js";
import { openPg } from "./db/pg.js";
import { authenticate } from "./http/auth.js";
import { jsonBody } from "./http/body.js";
import { idempotency } from "./http/idempotency.js";
import { metricsEndpoint, requestMetrics } from "./http/metrics.js";
import { answerClientError, notFoundHandler, problemHandler } from "./http/problem.js";
import { failClosed, failOpen, globalLimit } from "./http/rate-limit.js";
import { leasedStore } from "./http/rate-limit-lease.js";
import { memoryStore, type RateLimitStore, redisStore } from "./http/rate-limit-store.js";
import { type FeedCache, memoryFeedCache, owingInvalidations, redisFeedCache } from "./videos/feed-cache.js";
import { cors, requestContext, requestLogger, securityHeaders } from "./http/request-context.js";
import { createLogger, dbLogger, type Logger } from "./logger.js";
import { createMailer } from "./mail/mailer.js";
import { detectRenderCapability } from "./media/render/capability.js";
import { diskStorage, type Storage } from "./media/storage.js";
import { openApiRoutes } from "./openapi/routes.js";
import { features } from "./features.js";
import { watchContext } from "./observability/watch.js";
import { JOBS, QUEUES } from "./jobs/queues.js";
import { startHousekeeping } from "./jobs/housekeeping.js";
import { startQueue } from "./jobs/queue.js";
import { UsersService } from "./users/service.js";
import { userRoutes } from "./users/routes.js";
import { shellDataSource } from "./web/shell-data.js";
import { serveWebApp } from "./web/static.js";

export interface ContextOptions {
  db?: Db;
  log?: Logger;
  /** Run migrations (default true). */
  migrate?: boolean;
}

/** The S3 driver when STORAGE_URL is set (loaded only then), else files under DATA_DIR/storage. */
async function openStorage(
  config: Config,
  dataDir: string | null,
  health: AppContext["health"],
  closers: AppContext["closers"],
): Promise<Storage> {
  if (!config.storage) {
    return diskStorage(join(dataDir ?? mkdtempSync(join(tmpdir(), "lm-storage-")), dataDir ? "storage" : ""));
  }
  const { s3Storage } = await import("./media/storage-s3.js");
  const s3 = s3Storage(config.storage);
  closers.push(async () => s3.close());
  health.storage = async () => {
    await s3.health();
    return { ok: true, detail: `s3://${config.storage?.bucket}` };
  };
  return s3;
}

export async function createContext(config: Config, opts: ContextOptions = {}): Promise<AppContext> {
  const log = opts.log ?? createLogger(config.logLevel);
  const dataDir = config.env === "test" && !config.dataDir ? null : config.dataDir;
  const db =
    opts.db ??
    (await openDb({
      databaseUrl: config.databaseUrl,
      listenUrl: config.databaseListenUrl,
      preparedStatements: config.databasePreparedStatements,
      dataDir,
      log: dbLogger(log),
    }));
  if (opts.migrate !== false) {
    const applied = await migrate(db);
    if (applied.length) log.info({ applied }, "migrations applied");
  }
  const closers: AppContext["closers"] = [];
  const replica =
    config.databaseReadUrl && db.driver === "pg"
      ? await openPg(config.databaseReadUrl, { max: 10, preparedStatements: config.databasePreparedStatements })
      : null;
  if (replica) closers.push(() => replica.close());
  let limits: RateLimitStore = memoryStore();
  // The global limit, on every request: with Redis, counts are leased in blocks (rate-limit-lease.ts).
  let globalLimits: RateLimitStore = limits;
  const health: AppContext["health"] = {
    db: async () => {
      await db.query("select 1");
      // Without the LISTEN connection no realtime event or cache invalidation arrives.
      return db.listening() ? { ok: true } : { ok: false, detail: "notifications reconnecting" };
    },
    cache: async () => ({ ok: true, detail: "memory" }),
  };
  let feedCache: FeedCache | null = config.feedCacheTtlMs > 0 ? memoryFeedCache(config.feedCacheTtlMs) : null;
  if (config.redisUrl) {
    const redis = openRedis(config.redisUrl, config.redisCommandTimeoutMs, log);
    // A Redis that is down at start-up is an outage like any other (auth closed, reads open), not a
    // reason to refuse to start: ioredis keeps reconnecting and /readyz says 503 until it is back.
    await redis.connect().catch((err) => log.warn({ err }, "redis unreachable at start-up; reconnecting"));
    // Tests share one Redis: give every test server its own key space.
    const prefix = config.env === "test" ? `lm:test:${randomUUID().slice(0, 8)}:` : "lm:";
    const shared = redisStore(redis, `${prefix}rl:`);
    limits = shared;
    globalLimits = leasedStore(shared);
    if (feedCache) {
      const cache = owingInvalidations(redisFeedCache(redis, `${prefix}feed:`, config.feedCacheTtlMs), log);
      // A Redis that comes back may hold pages from before invalidations it never saw (a snapshot,
      // a partition): start a new version whenever the connection is ready again.
      redis.on("ready", () => void cache.invalidate().catch(() => {}));
      feedCache = cache;
    }
    health.cache = async () => ({ ok: (await redis.ping()) === "PONG", detail: "redis" });
    closers.push(async () => void redis.disconnect());
  }
  const authLimits = failClosed(limits, log);
  const tokens = new TokenService(resolveJwtSecret(config.jwtSecret, dataDir), config.accessTokenTtlSeconds);
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    outboxDir: dataDir ? join(dataDir, "outbox") : null,
    log,
  });
  const llm = createProvider(
    {
      llmModelPath: config.llm.modelPath,
      llmBaseUrl: config.llm.baseUrl,
      llmModel: config.llm.model,
      llmApiKey: config.llm.apiKey,
    },
    log,
  );
  closers.push(() => llm.close());
  health.llm = async () => {
    const h = await llm.health();
    return { ok: h.ok, detail: h.detail ?? llm.name };
  };
  const storage = await openStorage(config, dataDir, health, closers);
  const queue = await startQueue({ db, databaseUrl: config.databaseUrl, log, queues: QUEUES });
  closers.push(() => queue.stop());
  health.queue = async () => ({ ok: true, detail: `${await queue.depth(JOBS.generateVideo)} waiting` });
  const sessions = await sessionCache(db, closers);
  const ctx: AppContext = {
    config,
    db,
    replica,
    log,
    limits: failOpen(globalLimits, log),
    authLimits,
    feedCache,
    mailer,
    tokens,
    auth: new AuthService({ db, tokens, mailer, config, limits: authLimits, log, sessions }),
    users: new UsersService(db, { storage, log }),
    queue,
    llm,
    storage,
    // Only workers render; an API-only instance never looks for espeak-ng or FFmpeg.
    render:
      config.role === "api"
        ? { renderer: null, unavailable: null, detail: "not a worker" }
        : await detectRenderCapability(config.video),
    runsWorkers: config.role !== "api",
    health,
    closers,
    drainers: [],
  };
  closers.push(() => ctx.auth.drain());
  void burnDummyVerify("warm-up"); // the first unknown-email login must not be faster than the rest
  for (const feature of features) await feature.init?.(ctx);
  if (ctx.runsWorkers) startHousekeeping(ctx);
  watchContext(ctx);
  return ctx;
}

/**
 * Redis for counters and the feed cache. While it is unreachable every command fails at once (no
 * offline queue) or after a short timeout (a hung server), so callers can fail open or closed
 * instead of holding requests; ioredis keeps reconnecting in the background.
 */
function openRedis(url: string, commandTimeout: number, log: Logger): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  let lastWarn = 0;
  redis.on("error", (err) => {
    // Every reconnect attempt errors; once a minute in the log is enough to see the outage.
    if (Date.now() - lastWarn < 60_000) return;
    lastWarn = Date.now();
    log.warn({ err }, "redis unreachable; auth limits closed, global limit and feed cache open");
  });
  // A hung Redis (connection open, nothing answers) would cost every request the command timeout.
  // This PING notices within a second or two and drops the connection: until Redis answers the
  // ready check again, commands fail at once (no offline queue), so callers fail open or closed
  // without waiting.
  const watchdog = setInterval(() => {
    if (redis.status !== "ready") return;
    redis.ping().catch(() => {
      if (redis.status === "ready") redis.disconnect(true);
    });
  }, 1_000);
  watchdog.unref();
  redis.once("end", () => clearInterval(watchdog));
  return redis;
}

export function buildApp(ctx: AppContext): express.Express {
  const app = express();
  const gzip = compression();
  app.disable("x-powered-by");
  app.set("trust proxy", ctx.config.trustProxy || false);
  app.set("etag", false);
  // gzip/brotli for JSON and the web app's assets (the initial JS shrinks ~3x on the wire).
  requestLogger(app, ctx.log);
  app.use(
    requestContext(ctx.log),
    securityHeaders,
    cors(ctx.config.corsOrigins),
    requestMetrics(),
    // A client that accepts no encoding (curl, wrk, probes) skips the wrapper's per-response work.
    (req, res, next) => (req.headers["accept-encoding"] ? gzip(req, res, next) : next()),
  );

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    const entries = await Promise.all(
      Object.entries(ctx.health).map(async ([name, check]) => {
        try {
          const r = await Promise.race([
            check(),
            new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000)),
          ]);
          return [name, r] as const;
        } catch (err) {
          return [name, { ok: false, detail: (err as Error).message }] as const;
        }
      }),
    );
    const body = Object.fromEntries(
      entries.map(([n, r]) => [n, r.ok ? (r.detail ?? "ok") : `down: ${r.detail ?? "unavailable"}`]),
    );
    res.status(entries.every(([, r]) => r.ok) ? 200 : 503).json(body);
  });
  app.get("/metrics", metricsEndpoint(ctx.config.metricsToken));

  const docs = openApiRoutes(ctx.config.appUrl);
  app.use("/api/docs", docs.docs);

  const api = express.Router();
  api.use(...jsonBody(ctx.config.bodyLimit));
  api.use(authenticate(ctx.auth));
  api.use(globalLimit(ctx.limits, ctx.config.rateLimits.ipPerMinute, ctx.config.rateLimits.userPerMinute));
  api.use(idempotency(ctx.db));
  api.use(docs.api);
  api.use(authRoutes(ctx));
  api.use(userRoutes(ctx));
  for (const feature of features) feature.routes?.(api, ctx);
  api.use(notFoundHandler);
  app.use("/api/v1", api);
  app.use("/api", notFoundHandler);

  serveWebApp(app, { shellData: shellDataSource(ctx) });
  app.use(notFoundHandler);
  app.use(problemHandler);
  return app;
}

export interface RunningServer {
  ctx: AppContext;
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Starts the API on config.port (0 = any free port); close() drains requests, then the context. */
export async function startServer(ctx: AppContext): Promise<RunningServer> {
  const app = buildApp(ctx);
  const server = await new Promise<Server>((resolve, reject) => {
    // Express 5 hands a listen error to this callback (and never emits 'listening').
    const s = app.listen(ctx.config.port, ctx.config.host, (err?: NodeJS.ErrnoException) => {
      if (!err) return resolve(s);
      const { port, host } = ctx.config;
      reject(
        err.code === "EADDRINUSE"
          ? new Error(`port ${port} on ${host} is already in use (EADDRINUSE); stop the other program or set PORT`)
          : err,
      );
    });
  });
  server.on("clientError", answerClientError);
  for (const feature of features) await feature.attach?.(server, ctx);
  const { port } = server.address() as AddressInfo;
  const url = `http://${ctx.config.host.includes(":") ? `[${ctx.config.host}]` : ctx.config.host}:${port}`;
  return { ctx, server, url, close: () => closeServer(server, ctx) };
}

export async function closeContext(ctx: AppContext) {
  for (const close of ctx.closers.reverse()) await close().catch((err) => ctx.log.error({ err }, "close failed"));
  await ctx.db.close();
}

async function closeServer(server: Server, ctx: AppContext) {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    for (const drain of ctx.drainers) drain();
  });
  await closeContext(ctx);
}
