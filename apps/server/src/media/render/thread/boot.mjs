// The render thread's first module, in plain JavaScript: a worker thread does not inherit the
// TypeScript loader the server runs under, so it registers tsx itself, then loads the real entry.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
