// Entry: config → database → migrations → API and/or worker; graceful shutdown within 10 s.
import { ConfigError, loadConfig } from "./config.js";
import { openDb } from "./db/index.js";
import { createLogger, dbLogger } from "./logger.js";

const SHUTDOWN_DEADLINE_MS = 10_000;

async function main() {
  const started = Date.now();
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  if (process.argv.includes("--no-seed")) config = { ...config, seedDemo: false };
  const log = createLogger(config.logLevel);
  // Start the embedded database first: PGlite's WASM compiles on V8's background threads while the
  // rest of the app's modules load on the main thread, which takes about a second off every start.
  const db = openDb({
    databaseUrl: config.databaseUrl,
    listenUrl: config.databaseListenUrl,
    preparedStatements: config.databasePreparedStatements,
    dataDir: config.dataDir,
    log: dbLogger(log),
  });
  const { closeContext, createContext, startServer } = await import("./app.js");
  const ctx = await createContext(config, { log, db: await db });

  let stop: () => Promise<void>;
  if (config.role === "worker") {
    // Health checks and /metrics only, so the container check and Prometheus see the worker.
    const { startOpsServer } = await import("./observability/readiness.js");
    const ops = await startOpsServer(ctx);
    stop = () => ops.close().then(() => closeContext(ctx));
    log.info({ role: config.role, url: ops.url, ms: Date.now() - started }, "worker running");
  } else {
    const running = await startServer(ctx);
    stop = running.close;
    log.info(
      { url: running.url, role: config.role, driver: ctx.db.driver, ms: Date.now() - started },
      `Little Monster is ready at ${running.url}`,
    );
  }

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    const timer = setTimeout(() => {
      log.error("shutdown deadline passed; exiting");
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    timer.unref();
    stop().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((err) => {
  console.error("Little Monster failed to start:", err instanceof Error ? err.message : err);
  process.exit(1);
});
