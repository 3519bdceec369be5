// Everything a request handler may use, built once per process (or per test server).
import type { AuthService } from "./auth/service.js";
import type { TokenService } from "./auth/tokens.js";
import type { Config } from "./config.js";
import type { Db } from "./db/index.js";
import type { LlmProvider } from "./ai/providers/types.js";
import type { Queue } from "./jobs/queue.js";
import type { RenderCapability } from "./media/render/capability.js";
import type { Storage } from "./media/storage.js";
import type { RateLimitStore } from "./http/rate-limit-store.js";
import type { Logger } from "./logger.js";
import type { Mailer } from "./mail/mailer.js";
import type { UsersService } from "./users/service.js";
import type { FeedCache } from "./videos/feed-cache.js";

/** A dependency /readyz reports on: "ok", or a reason it is not. */
export type HealthCheck = () => Promise<{ ok: boolean; detail?: string }>;

export interface AppContext {
  config: Config;
  db: Db;
  /** The read replica (DATABASE_READ_URL) for staleness-tolerant reads; null without one. */
  replica: Db | null;
  log: Logger;
  /** Rate-limit counters that fail open (the global limit): an outage lets requests through. */
  limits: RateLimitStore;
  /** The same counters failing closed (sign-in, sign-up, mails): an outage answers 503. */
  authLimits: RateLimitStore;
  /** Anonymous feed pages (null when FEED_CACHE_TTL_SECONDS=0). */
  feedCache: FeedCache | null;
  mailer: Mailer;
  tokens: TokenService;
  auth: AuthService;
  users: UsersService;
  /** pg-boss on the application database; the worker role consumes it. */
  queue: Queue;
  /** The configured LLM (llama-cpp, openai or the offline provider). */
  llm: LlmProvider;
  /** Thumbnails and other files (disk under $DATA_DIR/storage; memory-backed temp dir in tests). */
  storage: Storage;
  /** Whether this worker can make lesson videos (speech engine + FFmpeg), detected at start-up. */
  render: RenderCapability;
  /** True when this process runs workers (ROLE=all or worker). */
  runsWorkers: boolean;
  health: Record<string, HealthCheck>;
  /** Closed in reverse order on shutdown (workers, listeners, providers). */
  closers: Array<() => Promise<void>>;
  /**
   * Called as soon as the HTTP server stops accepting: long-lived connections (WebSockets) are
   * told to go here, because the server's close waits for every connection, upgraded ones included.
   */
  drainers: Array<() => void>;
}
