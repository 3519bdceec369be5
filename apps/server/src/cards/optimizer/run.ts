// Runs the FSRS optimiser on its own thread, one fit at a time per process: a fit keeps a core busy
// for about a second, and the API shares the machine's cores with it.
import { Worker } from "node:worker_threads";

const THREAD = new URL("./thread.mjs", import.meta.url);

/** A student's log in the thread's shape: each card's reviews together, in time order. */
export interface OptimizerLog {
  /** 1–4 per review. */
  ratings: Uint8Array;
  /** The student's local day of each review (days start at 4 AM, as in Anki and fsrs-rs). */
  days: Int32Array;
  /** Where each card's reviews start in the two arrays above. */
  starts: Uint32Array;
}

export interface Fit {
  weights: number[];
  /** Training items built (one per review after a card's first that spans a day or more). */
  items: number;
}

export class OptimizerTimeout extends Error {}

let queue: Promise<unknown> = Promise.resolve();

/** Fits FSRS weights to `log`; rejects with OptimizerTimeout after `timeoutMs` (the thread is stopped). */
export function fitWeights(log: OptimizerLog, timeoutMs: number): Promise<Fit> {
  const run = queue.then(() => inThread(log, timeoutMs));
  queue = run.catch(() => undefined);
  return run;
}

function inThread(log: OptimizerLog, timeoutMs: number): Promise<Fit> {
  return new Promise<Fit>((resolve, reject) => {
    const worker = new Worker(THREAD, {
      workerData: log,
      transferList: [log.ratings.buffer, log.days.buffer, log.starts.buffer] as ArrayBuffer[],
    });
    const timer = setTimeout(() => {
      reject(new OptimizerTimeout(`The optimiser took longer than ${timeoutMs} ms`));
      void worker.terminate();
    }, timeoutMs);
    const settle = () => {
      clearTimeout(timer);
      void worker.terminate();
    };
    worker.once("message", (m: { weights?: number[]; items?: number; error?: string }) => {
      settle();
      if (m.weights) resolve({ weights: m.weights, items: m.items ?? 0 });
      else reject(new Error(`The optimiser failed: ${m.error ?? "no result"}`));
    });
    worker.once("error", (err) => {
      settle();
      reject(err);
    });
    worker.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The optimiser thread stopped (exit code ${code})`));
    });
  });
}
