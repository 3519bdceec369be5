// Try a write now; when there is no connection (or no answer) queue it under the key already used.
import { isRetriable, type QueueEntry, type QueuedWrite, type SendWrite, type WriteQueue } from "./queue";
import { ApiError } from "@lm/core";

export type WriteOutcome<T> = { queued: false; result: T } | { queued: true; entry: QueueEntry };

export interface PerformDeps {
  queue: WriteQueue;
  send: SendWrite;
  isOnline: () => Promise<boolean>;
  newKey: () => string;
}

export async function performOrQueue<T>(write: QueuedWrite, deps: PerformDeps): Promise<WriteOutcome<T>> {
  const key = deps.newKey();
  if (!(await deps.isOnline())) return { queued: true, entry: await deps.queue.enqueue(write, key) };
  try {
    return { queued: false, result: (await deps.send(write, key)) as T };
  } catch (error) {
    // Only a lost request is queued: the server may have applied it, and the same key makes the replay safe.
    if (!(error instanceof ApiError) && isRetriable(error)) {
      return { queued: true, entry: await deps.queue.enqueue(write, key) };
    }
    throw error;
  }
}
