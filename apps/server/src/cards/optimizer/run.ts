// Runs the FSRS optimiser in a child process, one fit at a time per instance: a fit keeps a core busy
// for about a second, the API shares the machine's cores with it, and the native library aborts its
// process on some inputs (child.mjs) — a child's crash is a failed fit, never the API's exit.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

const CHILD = fileURLToPath(new URL("./child.mjs", import.meta.url));

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

/** Fits FSRS weights to `log`; rejects with OptimizerTimeout after `timeoutMs` (the child is killed). */
export function fitWeights(log: OptimizerLog, timeoutMs: number): Promise<Fit> {
  const run = queue.then(() => inChild(log, timeoutMs));
  queue = run.catch(() => undefined);
  return run;
}

function inChild(log: OptimizerLog, timeoutMs: number): Promise<Fit> {
  return new Promise<Fit>((resolve, reject) => {
    // "advanced" serialisation carries the typed arrays as they are; no TypeScript loader is needed.
    const child = fork(CHILD, [], {
      serialization: "advanced",
      execArgv: [],
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => {
      if (stderr.length < 2_000) stderr += d.toString();
    });
    const timer = setTimeout(() => {
      reject(new OptimizerTimeout(`The optimiser took longer than ${timeoutMs} ms`));
      child.kill("SIGKILL");
    }, timeoutMs);
    child.once("message", (m: { weights?: number[]; items?: number; error?: string }) => {
      clearTimeout(timer);
      if (m.weights) resolve({ weights: m.weights, items: m.items ?? 0 });
      else reject(new Error(`The optimiser failed: ${m.error ?? "no result"}`));
    });
    child.once("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      // After a message this changes nothing (a promise settles once).
      const lines = stderr.trim().split("\n");
      const why = lines.find((l) => /error|panicked/i.test(l)) ?? lines[0] ?? "";
      reject(new Error(`The optimiser stopped (${signal ?? `exit code ${code}`})${why ? `: ${why}` : ""}`));
    });
    child.send(log);
  });
}
