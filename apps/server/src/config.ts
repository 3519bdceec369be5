// Environment parsed once by zod; the process refuses to start on a bad value and names it.
import { z } from "zod";
import { parseStorageUrl } from "./media/storage-url.js";
import type { RealtimeLimits } from "./realtime/limits.js";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");
const optionalUrl = z.url().optional();

const Env = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("./data"),
  APP_URL: optionalUrl,
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional(),
  // A direct connection for LISTEN when DATABASE_URL goes through PgBouncer in transaction mode,
  // which cannot hold a session's LISTEN (deploy/CAPACITY.md).
  DATABASE_LISTEN_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional(),
  // Named statements are parsed once per connection. A transaction-mode pooler older than PgBouncer
  // 1.21 cannot keep them (transactions move between server connections): set false behind one.
  DATABASE_PREPARED_STATEMENTS: bool.default(true),
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// URL")
    .optional(),
  // Shared file storage for several instances; unset → files on disk under DATA_DIR/storage.
  STORAGE_URL: z
    .string()
    .transform((v, c) => {
      const loc = parseStorageUrl(v);
      if (typeof loc === "string") {
        c.addIssue({ code: "custom", message: loc });
        return z.NEVER;
      }
      return loc;
    })
    .optional(),
  // Read only to check they come as a pair; the AWS SDK reads them itself, so they never sit in
  // the config object (which may be logged or dumped).
  AWS_ACCESS_KEY_ID: z.string().optional(),
  AWS_SECRET_ACCESS_KEY: z.string().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// URL")
    .optional(),
  MAIL_FROM: z.string().default("Little Monster <no-reply@littlemonster.local>"),
  JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  LLM_MODEL_PATH: z.string().optional(),
  LLM_BASE_URL: optionalUrl,
  LLM_MODEL: z.string().optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_CONCURRENCY: z.coerce.number().int().min(1).max(16).optional(),
  LLM_IDLE_UNLOAD_MS: z.coerce.number().int().min(0).optional(),
  ROLE: z.enum(["all", "api", "worker"]).default("all"),
  CORS_ORIGINS: z.string().optional(),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  REQUIRE_VERIFIED_EMAIL: bool.default(true),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  BODY_LIMIT: z.string().default("1mb"),
  RATE_LIMIT_IP_PER_MINUTE: z.coerce.number().int().min(1).default(1000),
  RATE_LIMIT_USER_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  VIEWS_PER_IP_PER_VIDEO: z.coerce.number().int().min(1).default(50),
  SEED_DEMO: bool.default(true),
  FEED_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(3600).default(300),
  // Five cron fields (minute hour day month weekday), e.g. "30 2 * * *"; the worker runs it.
  BACKUP_CRON: z
    .string()
    .regex(/^[\d*,/\-A-Za-z?LW#]+(\s+[\d*,/\-A-Za-z?LW#]+){4}$/, "must be a five-field cron expression")
    .optional(),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(7),
  BACKUP_DIR: z.string().min(1).optional(),
  REALTIME_MAX_CONNECTIONS_PER_IP: z.coerce.number().int().min(1).default(100),
  VIDEO_RENDER: bool.default(true),
  FFMPEG_PATH: z.string().optional(),
  TTS_BASE_URL: optionalUrl,
  TTS_VOICE: z.string().max(100).optional(),
  // FSRS optimiser (POST /cards/optimize): fewest reviews a student needs, most one fit reads.
  CARDS_OPTIMIZER_MIN_REVIEWS: z.coerce.number().int().min(1).default(400),
  CARDS_OPTIMIZER_MAX_REVIEWS: z.coerce.number().int().min(1).max(1_000_000).default(20_000),
  // Automatic re-fits by the worker: when (five-field cron, UTC; "off": never), how many students a run
  // fits, and how much a log must have grown since the last fit (0.3: 30% more reviews than it read).
  CARDS_AUTO_FIT_CRON: z
    .string()
    .regex(/^(off|[\d*,/\-A-Za-z?LW#]+(\s+[\d*,/\-A-Za-z?LW#]+){4})$/, 'must be a five-field cron expression or "off"')
    .default("40 3 * * *"),
  CARDS_AUTO_FIT_PER_RUN: z.coerce.number().int().min(1).max(10_000).default(20),
  CARDS_AUTO_FIT_GROWTH: z.coerce.number().min(0).max(100).default(0.3),
  TTS_MODEL: z.string().max(100).optional(),
  TTS_API_KEY: z.string().optional(),
});

export type Config = ReturnType<typeof toConfig>;

function toConfig(env: z.infer<typeof Env>) {
  const appUrl = (env.APP_URL ?? `http://localhost:${env.PORT || 3000}`).replace(/\/$/, "");
  // A socket more than 1 MB behind (a stalled phone, a paused tab) is dropped; clients reconnect.
  // Per-socket message limits have defaults in realtime/limits.ts; tests override any of these.
  const realtime: RealtimeLimits = {
    heartbeatMs: 30_000,
    maxBufferedBytes: 1_000_000,
    maxConnectionsPerIp: env.REALTIME_MAX_CONNECTIONS_PER_IP,
  };
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    dataDir: env.DATA_DIR,
    appUrl,
    databaseUrl: env.DATABASE_URL,
    databaseReadUrl: env.DATABASE_READ_URL,
    databaseListenUrl: env.DATABASE_LISTEN_URL,
    databasePreparedStatements: env.DATABASE_PREPARED_STATEMENTS,
    redisUrl: env.REDIS_URL,
    /** A Redis command slower than this fails (a hung server): auth limits close, the rest opens. */
    redisCommandTimeoutMs: 1_000,
    /** S3-compatible bucket (STORAGE_URL), or null for the disk driver. */
    storage: env.STORAGE_URL ?? null,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    jwtSecret: env.JWT_SECRET,
    llm: {
      modelPath: env.LLM_MODEL_PATH,
      baseUrl: env.LLM_BASE_URL,
      model: env.LLM_MODEL,
      apiKey: env.LLM_API_KEY,
      concurrency: env.LLM_CONCURRENCY,
      idleUnloadMs: env.LLM_IDLE_UNLOAD_MS,
    },
    role: env.ROLE,
    // The desktop app loads the web build from app://little-monster.
    corsOrigins: (env.CORS_ORIGINS ?? `${appUrl},app://little-monster`)
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean),
    trustProxy: env.TRUST_PROXY,
    requireVerifiedEmail: env.REQUIRE_VERIFIED_EMAIL,
    logLevel: env.LOG_LEVEL,
    metricsToken: env.METRICS_TOKEN,
    bodyLimit: env.BODY_LIMIT,
    rateLimits: {
      ipPerMinute: env.RATE_LIMIT_IP_PER_MINUTE,
      userPerMinute: env.RATE_LIMIT_USER_PER_MINUTE,
      // Auth limits: strict per account, generous per IP so a classroom behind one NAT works.
      loginFailuresPerAccount: { limit: 10, windowMs: 15 * 60_000 },
      authPerIp: { limit: 120, windowMs: 5 * 60_000 },
      emailPerAccount: { limit: 5, windowMs: 60 * 60_000 },
    },
    /**
     * Anonymous viewers (distinct client ids) one address may add to a lesson's count per 30-minute
     * window; beyond it they all count as one, so rotating client ids cannot inflate trending.
     */
    views: { anonymousPerIpPerVideo: env.VIEWS_PER_IP_PER_VIDEO },
    seedDemo: env.SEED_DEMO,
    /** Anonymous feed pages, kept this long unless a lesson appears, changes or goes away (0: off). */
    feedCacheTtlMs: env.FEED_CACHE_TTL_SECONDS * 1000,
    /** Scheduled backups (off without a cron); the newest `keep` stay in `dir`. */
    backup: { cron: env.BACKUP_CRON, keep: env.BACKUP_KEEP, dir: env.BACKUP_DIR ?? `${env.DATA_DIR}/backups` },
    /** Narrated MP4s of published lessons (media/render); off → every lesson says UNAVAILABLE. */
    video: {
      render: env.VIDEO_RENDER,
      ffmpegPath: env.FFMPEG_PATH ?? "ffmpeg",
      tts: {
        baseUrl: env.TTS_BASE_URL,
        voice: env.TTS_VOICE,
        model: env.TTS_MODEL ?? "tts-1",
        apiKey: env.TTS_API_KEY,
        timeoutMs: 60_000,
        retries: 2,
        retryDelayMs: 500,
      },
      // Renders run one at a time per worker with one encoder thread, at low CPU priority, so the
      // API on the same cores keeps answering; a 5-minute lesson still renders in well under 90 s.
      concurrency: 1,
      threads: 1,
      // A render that has not beaten its heartbeat for this long lost its worker (crash, kill -9).
      staleAfterMs: 60_000,
    },
    /**
     * Personal FSRS weights. 20,000 reviews fit in about a second on one core, off the API's thread
     * (cards/optimizer); a fit past two minutes is stopped.
     */
    cardsOptimizer: {
      minReviews: env.CARDS_OPTIMIZER_MIN_REVIEWS,
      maxReviews: env.CARDS_OPTIMIZER_MAX_REVIEWS,
      timeoutMs: 120_000,
    },
    /** The worker's scheduled re-fits of those weights (cards/auto-fit); a refused student waits a week. */
    cardsAutoFit: {
      cron: env.CARDS_AUTO_FIT_CRON === "off" ? null : env.CARDS_AUTO_FIT_CRON,
      perRun: env.CARDS_AUTO_FIT_PER_RUN,
      growth: env.CARDS_AUTO_FIT_GROWTH,
      retryRefusedAfterMs: 7 * 24 * 60 * 60_000,
    },
    // A socket more than 1 MB behind (a stalled phone, a paused tab) is dropped; clients reconnect.
    realtime,
    /** How often workers delete idempotency records past their 24 hours. */
    idempotencyPurgeIntervalMs: 60 * 60_000,
    accessTokenTtlSeconds: 15 * 60,
    refreshGraceMs: 10_000,
  };
}

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "unset", as they do in most .env files.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = Env.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  if (Boolean(parsed.data.AWS_ACCESS_KEY_ID) !== Boolean(parsed.data.AWS_SECRET_ACCESS_KEY)) {
    throw new ConfigError(
      "Invalid configuration:\n  AWS_SECRET_ACCESS_KEY: set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither",
    );
  }
  if (parsed.data.NODE_ENV === "production" && !parsed.data.JWT_SECRET) {
    throw new ConfigError("Invalid configuration:\n  JWT_SECRET: required when NODE_ENV=production");
  }
  return toConfig(parsed.data);
}

/** Test and embedding helper: a config with overrides applied on top of defaults. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  // No feed cache unless a test asks for one: most tests write rows and read the feed at once.
  return {
    ...loadConfig({
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      SEED_DEMO: "false",
      FEED_CACHE_TTL_SECONDS: "0",
      // Rendering spawns espeak-ng and FFmpeg per lesson: only the render tests switch it on.
      VIDEO_RENDER: "false",
      // The nightly FSRS re-fit would change students' weights under a test running at 03:40 UTC.
      CARDS_AUTO_FIT_CRON: "off",
    }),
    ...overrides,
  };
}
