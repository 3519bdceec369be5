// One LISTEN connection per process for every channel, outside the pool, that survives a database
// restart: it reconnects with backoff, LISTENs again, and tells each subscriber that notifications
// may have been missed in between (the feed cache drops its pages; nothing else can replay them).
import pg from "pg";

export interface ListenOptions {
  /** Called after the connection came back: notifications sent while it was down are lost. */
  onGap?: () => void;
}

interface Subscriber {
  channel: string;
  onPayload: (payload: string) => void;
  onGap?: () => void;
}

const BACKOFF_MS = [100, 250, 500, 1_000, 2_000, 5_000];
/** A catch-up round trip slower than this is treated as failed: callers read the database instead. */
const CATCH_UP_TIMEOUT_MS = 1_000;

export function pgListener(url: string, log: (msg: string, err?: unknown) => void = () => {}) {
  const subscribers = new Set<Subscriber>();
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let up = false;
  let closed = false;
  let attempt = 0;
  let retryTimer: NodeJS.Timeout | null = null;

  const channels = () => new Set([...subscribers].map((s) => s.channel));

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString: url, application_name: "lm-listener" });
    // Without a handler an 'error' on this client would crash the process.
    c.on("error", (err) => lost(c, err));
    c.on("end", () => lost(c));
    c.on("notification", (msg) => {
      if (msg.payload === undefined) return;
      for (const s of subscribers) if (s.channel === msg.channel) s.onPayload(msg.payload);
    });
    try {
      await c.connect();
      for (const ch of channels()) await c.query(`LISTEN ${pg.escapeIdentifier(ch)}`);
    } catch (err) {
      await c.end().catch(() => {});
      throw err;
    }
    client = c;
    up = true;
  }

  function lost(c: pg.Client, err?: unknown) {
    if (client !== c) return;
    client = null;
    up = false;
    c.end().catch(() => {});
    if (closed) return;
    log("database listener lost; reconnecting", err);
    scheduleReconnect();
  }

  function scheduleReconnect() {
    if (closed || retryTimer) return;
    const delay = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)];
    attempt++;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect().then(
        () => {
          attempt = 0;
          log("database listener reconnected");
          for (const s of subscribers) s.onGap?.();
        },
        (err) => {
          if (!closed) scheduleReconnect();
          if (attempt === 1) log("database listener cannot reconnect yet", err);
        },
      );
    }, delay);
    retryTimer.unref();
  }

  // PostgreSQL signals every listening backend before the notifying COMMIT returns, and a backend
  // sends the notifications it owes before it answers its next query. So the answer to a query on
  // this connection proves that everything committed before the query was sent has been handled.
  let onWire: Promise<boolean> | null = null;
  let nextRound: Promise<boolean> | null = null;

  function roundTrip(): Promise<boolean> {
    const c = client;
    if (!c) return Promise.resolve(false);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), CATCH_UP_TIMEOUT_MS);
      timer.unref();
    });
    const answered = c.query("select 1").then(
      () => client === c,
      () => false,
    );
    return Promise.race([answered, timeout]).finally(() => clearTimeout(timer));
  }

  function caughtUp(): Promise<boolean> {
    if (subscribers.size === 0) return Promise.resolve(true);
    if (!onWire) {
      onWire = roundTrip().finally(() => {
        onWire = null;
      });
      return onWire;
    }
    // The round trip on the wire may have been answered before this caller's reason to ask was
    // committed; it shares the next one instead (one at a time, however many callers wait).
    nextRound ??= onWire.then(() => {
      nextRound = null;
      return caughtUp();
    });
    return nextRound;
  }

  return {
    caughtUp,
    /** True while the connection is open and LISTENing, or nothing listens (a worker-only process). */
    isUp: () => up || subscribers.size === 0,
    async listen(channel: string, onPayload: (payload: string) => void, opts: ListenOptions = {}) {
      const sub: Subscriber = { channel, onPayload, onGap: opts.onGap };
      const isNew = !channels().has(channel);
      subscribers.add(sub);
      if (!client && !connecting && !retryTimer) {
        connecting = connect().finally(() => {
          connecting = null;
        });
        await connecting;
      } else {
        await connecting;
        if (isNew && client) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      }
      return async () => {
        subscribers.delete(sub);
        if (client && !channels().has(channel))
          await client.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => {});
      };
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const c = client;
      client = null;
      up = false;
      await c?.end().catch(() => {});
    },
  };
}
