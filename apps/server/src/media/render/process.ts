// Runs the renderer's helper programs (FFmpeg, espeak-ng) at low CPU priority, so a render shares
// the cores with the API instead of starving it, and kills them when the render is abandoned.
import { spawn } from "node:child_process";
import { setPriority } from "node:os";

/** nice 10: the kernel gives the API's threads the CPU first whenever both want it. */
const LOW_PRIORITY = 10;
const STDERR_TAIL = 2000;

export class ProcessError extends Error {
  constructor(
    readonly command: string,
    readonly reason: "missing" | "failed" | "timeout" | "aborted",
    readonly stderr: string,
  ) {
    super(`${command} ${reason}${stderr ? `: ${stderr.trim().split("\n").slice(-3).join(" | ")}` : ""}`);
    this.name = "ProcessError";
  }
}

export interface RunOptions {
  input?: Buffer | string;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Called with each chunk of stdout as it arrives (FFmpeg's -progress lines). */
  onStdout?: (chunk: string) => void;
  /** false: run at the caller's priority (a quick probe, which at nice 10 would starve on a busy machine). */
  lowPriority?: boolean;
}

/** Runs a program to completion and returns its stdout; rejects with the tail of its stderr. */
export function runProcess(command: string, args: string[], opts: RunOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new ProcessError(command, "aborted", ""));
    const child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"] });
    if (child.pid && opts.lowPriority !== false) {
      try {
        setPriority(child.pid, LOW_PRIORITY);
      } catch {
        // The process may already have exited; priority is a courtesy, not a requirement.
      }
    }
    const out: Buffer[] = [];
    let err = "";
    let ended: ProcessError["reason"] | null = null;
    const stop = (why: "timeout" | "aborted") => {
      ended = why;
      child.kill("SIGKILL");
    };
    const onAbort = () => stop("aborted");
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    const timer = opts.timeoutMs ? setTimeout(() => stop("timeout"), opts.timeoutMs) : null;
    child.stdout.on("data", (c: Buffer) => {
      if (opts.onStdout) opts.onStdout(c.toString("utf8"));
      else out.push(c);
    });
    child.stderr.on("data", (c: Buffer) => {
      err = (err + c.toString("utf8")).slice(-STDERR_TAIL);
    });
    child.stdin.on("error", () => {}); // EPIPE when the program exits before reading everything
    child.on("error", (e: NodeJS.ErrnoException) => {
      ended ??= e.code === "ENOENT" ? "missing" : "failed";
    });
    child.on("close", (code) => {
      if (timer) clearTimeout(timer);
      opts.signal?.removeEventListener("abort", onAbort);
      if (ended) return reject(new ProcessError(command, ended, err));
      if (code !== 0) return reject(new ProcessError(command, "failed", err || `exit code ${code}`));
      resolve(Buffer.concat(out));
    });
    child.stdin.end(opts.input ?? "");
  });
}

/**
 * The first line a program prints for `-version`/`--version`, or null when it cannot be run.
 * Decided once at start-up, so a slow answer (a loaded machine) counts as present: only a program
 * that is missing or fails may turn every lesson's video into "install FFmpeg".
 */
export async function programVersion(command: string, flag: string, timeoutMs = 10_000): Promise<string | null> {
  try {
    const out = await runProcess(command, [flag], { timeoutMs, lowPriority: false });
    return out.toString("utf8").split("\n")[0].trim() || command;
  } catch (err) {
    if (err instanceof ProcessError && err.reason === "timeout") return `${command} (no answer to ${flag} in time)`;
    return null;
  }
}
