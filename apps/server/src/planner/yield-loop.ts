// Long planner work (expanding a range, checking an import) hands the event loop back every few
// milliseconds, so one request's CPU never keeps /healthz or anyone else waiting for longer.
import { setImmediate as nextTurn } from "node:timers/promises";

const SLICE_MS = 10;

export class Slicer {
  private since = performance.now();

  /** Returns at once within the slice; past it, continues on the next event-loop turn. */
  async pause(): Promise<void> {
    if (performance.now() - this.since < SLICE_MS) return;
    await nextTurn();
    this.since = performance.now();
  }

  /** Runs a generator that yields between chunks of its work, pausing where the slice is up. */
  async drive<R>(work: Generator<unknown, R>): Promise<R> {
    for (;;) {
      const step = work.next();
      if (step.done) return step.value;
      await this.pause();
    }
  }
}
