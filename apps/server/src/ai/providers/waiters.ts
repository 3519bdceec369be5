// A FIFO of promises waiting for a free slot, with abort support: used to queue generations
// when every context sequence is busy instead of failing with "no sequences left".

export class WaitQueue<T> {
  private waiting: Array<{
    resolve: (v: T) => void;
    reject: (e: unknown) => void;
    signal?: AbortSignal;
    onAbort?: () => void;
  }> = [];

  get length(): number {
    return this.waiting.length;
  }

  wait(signal?: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const entry: (typeof this.waiting)[number] = { resolve, reject, signal };
      if (signal) {
        entry.onAbort = () => {
          this.waiting = this.waiting.filter((w) => w !== entry);
          reject(signal.reason);
        };
        signal.addEventListener("abort", entry.onAbort, { once: true });
      }
      this.waiting.push(entry);
    });
  }

  /** Hands `value` to the oldest waiter; false when nobody was waiting. */
  handOver(value: T): boolean {
    const next = this.waiting.shift();
    if (!next) return false;
    if (next.onAbort) next.signal?.removeEventListener("abort", next.onAbort);
    next.resolve(value);
    return true;
  }

  rejectAll(err: unknown): void {
    for (const w of this.waiting.splice(0)) {
      if (w.onAbort) w.signal?.removeEventListener("abort", w.onAbort);
      w.reject(err);
    }
  }
}
