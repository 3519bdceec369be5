// The API's side of the render thread: one worker thread per render worker, started on first use,
// restarted if it dies. Errors come back as the same RenderError/TtsError the job classifies.
import { Worker } from "node:worker_threads";
import { RenderError } from "../errors.js";
import type { RenderedLesson, RenderLessonInput, RenderOptions, Renderer } from "../render-lesson.js";
import { TtsError } from "../tts/types.js";
import type { FromThread, ThreadError, ToThread } from "./messages.js";

const BOOT = new URL("./boot.mjs", import.meta.url);
const ENTRY = new URL(`./entry${import.meta.url.endsWith(".js") ? ".js" : ".ts"}`, import.meta.url).href;

interface Pending {
  resolve(r: RenderedLesson): void;
  reject(e: Error): void;
  onProgress?: (percent: number) => void;
}

function fromThreadError(e: ThreadError): Error {
  if (e.name === "RenderError" && e.code)
    return new RenderError(e.code as RenderError["code"], e.message, e.retryable ?? false);
  if (e.name === "TtsError" && e.code) return new TtsError(e.code as TtsError["code"], e.message, e.retryable ?? false);
  return Object.assign(new Error(e.message), { name: e.name });
}

export class RenderThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(BOOT, { workerData: { entry: ENTRY } });
    worker.on("message", (m: FromThread) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.type === "progress") return p.onProgress?.(m.percent);
      this.pending.delete(m.id);
      if (m.type === "done") p.resolve(m.result);
      else p.reject(fromThreadError(m.error));
    });
    const lost = (why: string) => {
      if (this.worker === worker) this.worker = null;
      for (const [id, p] of this.pending) {
        this.pending.delete(id);
        p.reject(new RenderError("render_failed", `The render thread stopped (${why}).`, true));
      }
    };
    worker.on("error", (err) => lost(err.message));
    worker.on("exit", (code) => lost(`exit code ${code}`));
    this.worker = worker;
    return worker;
  }

  render(lesson: RenderLessonInput, renderer: Renderer, opts: RenderOptions): Promise<RenderedLesson> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<RenderedLesson>((resolve, reject) => {
      const onAbort = () => worker.postMessage({ type: "abort", id } satisfies ToThread);
      opts.signal?.addEventListener("abort", onAbort, { once: true });
      const done = () => opts.signal?.removeEventListener("abort", onAbort);
      this.pending.set(id, {
        resolve: (r) => {
          done();
          resolve(r);
        },
        reject: (e) => {
          done();
          reject(e);
        },
        onProgress: opts.onProgress,
      });
      worker.postMessage({
        type: "render",
        id,
        lesson,
        renderer,
        dir: opts.dir,
        poster: opts.poster ? new Uint8Array(opts.poster) : undefined,
      } satisfies ToThread);
      if (opts.signal?.aborted) onAbort();
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}
