// Inside the render thread: renders what the API's thread asks for. Speech decoding, frame drawing
// and WAV joining run here, so their CPU time and garbage never hold up an API request's callbacks.
import { parentPort } from "node:worker_threads";
import { renderLesson } from "../render-lesson.js";
import type { FromThread, ThreadError, ToThread } from "./messages.js";

const port = parentPort;
if (!port) throw new Error("entry.ts runs in a worker thread");
const send = (m: FromThread) => port.postMessage(m);
const running = new Map<number, AbortController>();

function toThreadError(err: unknown): ThreadError {
  if (!(err instanceof Error)) return { name: "Error", message: String(err) };
  const { code, retryable } = err as Error & { code?: unknown; retryable?: unknown };
  return {
    name: err.name,
    message: err.message,
    ...(typeof code === "string" ? { code } : {}),
    ...(typeof retryable === "boolean" ? { retryable } : {}),
  };
}

port.on("message", async (m: ToThread) => {
  if (m.type === "abort") return void running.get(m.id)?.abort(new Error("aborted"));
  const abort = new AbortController();
  running.set(m.id, abort);
  try {
    const result = await renderLesson(m.lesson, m.renderer, {
      dir: m.dir,
      poster: m.poster ? Buffer.from(m.poster) : undefined,
      signal: abort.signal,
      onProgress: (percent) => send({ type: "progress", id: m.id, percent }),
    });
    send({ type: "done", id: m.id, result });
  } catch (err) {
    send({ type: "error", id: m.id, error: toThreadError(err) });
  } finally {
    running.delete(m.id);
  }
});
