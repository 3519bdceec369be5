// Writes made without a connection: kept in order, persisted, and replayed with the same
// Idempotency-Key so a write the server already received is answered once, never applied twice.
import {
  ApiError,
  type ApiClient,
  type CardRating,
  type PlannerEventCreateInput,
  type PlannerEventUpdateInput,
} from "@lm/core";
import type { VideoCreateInput } from "@lm/core";

export type QueuedWrite =
  | { kind: "createEvent"; input: PlannerEventCreateInput }
  | { kind: "updateEvent"; id: string; input: PlannerEventUpdateInput }
  | { kind: "createComment"; videoId: string; text: string }
  | { kind: "createVideo"; input: VideoCreateInput }
  | { kind: "rate"; videoId: string; stars: number }
  // A card review keeps the moment it was made (reviewedAt) and its clientId: the server schedules
  // it at that time and records it once however often it is replayed.
  | { kind: "reviewCard"; cardId: string; rating: CardRating; clientId: string; reviewedAt: string };

export interface QueueEntry {
  key: string;
  write: QueuedWrite;
  queuedAt: string;
  attempts: number;
  lastError?: string;
}

export interface QueueStorage {
  load(): Promise<QueueEntry[]>;
  save(entries: QueueEntry[]): Promise<void>;
}

export type SendWrite = (write: QueuedWrite, idempotencyKey: string) => Promise<unknown>;

export interface ReplayResult {
  sent: number;
  /** Refused by the server for good (validation, forbidden...): shown to the user, not retried. */
  rejected: Array<{ entry: QueueEntry; error: ApiError }>;
  remaining: number;
}

/** Sends one queued write through the shared client. */
export function sendWith(api: ApiClient): SendWrite {
  return (write, key) => {
    switch (write.kind) {
      case "createEvent":
        return api.createEvent(write.input, key);
      case "updateEvent":
        // PATCH is idempotent by itself; the key only helps the server log the replay.
        return api.updateEvent(write.id, write.input, key);
      case "createComment":
        return api.createComment(write.videoId, write.text, key);
      case "createVideo":
        return api.createVideo(write.input, key);
      case "rate":
        return api.rate(write.videoId, write.stars, key);
      case "reviewCard":
        return api.reviewCard(write.cardId, {
          rating: write.rating,
          clientId: write.clientId,
          reviewedAt: write.reviewedAt,
        });
    }
  };
}

/** Worth trying again later: no answer at all, a server error, rate limiting or the same key still in flight. */
export function isRetriable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status >= 500 || error.status === 408 || error.status === 409 || error.status === 429;
}

export class WriteQueue {
  private items: QueueEntry[] = [];
  private loaded: Promise<void> | null = null;
  private replaying: Promise<ReplayResult> | null = null;
  private listeners = new Set<(entries: QueueEntry[]) => void>();

  constructor(
    private readonly storage: QueueStorage,
    private readonly newKey: () => string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  load(): Promise<void> {
    this.loaded ??= this.storage.load().then((entries) => {
      this.items = [...entries, ...this.items];
      this.emit();
    });
    return this.loaded;
  }

  entries(): QueueEntry[] {
    return this.items;
  }

  subscribe(listener: (entries: QueueEntry[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async enqueue(write: QueuedWrite, key = this.newKey()): Promise<QueueEntry> {
    await this.load();
    const entry: QueueEntry = { key, write, queuedAt: this.now().toISOString(), attempts: 0 };
    this.items = [...this.items, entry];
    await this.persist();
    return entry;
  }

  /** Forgets every queued write (sign-out: they must not be sent with the next user's token). */
  async clear(): Promise<void> {
    await this.load();
    this.items = [];
    await this.persist();
  }

  /** Sends queued writes oldest first; stops at the first retriable failure so order is kept. */
  replay(send: SendWrite): Promise<ReplayResult> {
    this.replaying ??= this.doReplay(send).finally(() => {
      this.replaying = null;
    });
    return this.replaying;
  }

  private async doReplay(send: SendWrite): Promise<ReplayResult> {
    await this.load();
    const result: ReplayResult = { sent: 0, rejected: [], remaining: 0 };
    while (this.items.length > 0) {
      const entry = this.items[0];
      try {
        await send(entry.write, entry.key);
        result.sent++;
      } catch (error) {
        if (isRetriable(error)) {
          this.items = [{ ...entry, attempts: entry.attempts + 1, lastError: String(error) }, ...this.items.slice(1)];
          break;
        }
        result.rejected.push({ entry, error: error as ApiError });
      }
      this.items = this.items.slice(1);
      await this.persist();
    }
    await this.persist();
    result.remaining = this.items.length;
    return result;
  }

  private async persist(): Promise<void> {
    this.emit();
    await this.storage.save(this.items);
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.items);
  }
}

export function memoryQueueStorage(initial: QueueEntry[] = []): QueueStorage & { saved: QueueEntry[] } {
  const store = {
    saved: initial,
    load: async () => store.saved,
    save: async (entries: QueueEntry[]) => {
      store.saved = entries;
    },
  };
  return store;
}
