// Owns the in-process llama.cpp model: loads it on first use, unloads it after it sits idle, and
// lends out context sequences so several generations run at once (batched by llama.cpp) while
// extra requests wait in line.
import { availableParallelism } from "node:os";
import { stat } from "node:fs/promises";
import type { Llama, LlamaContext, LlamaContextSequence, LlamaGrammar, LlamaModel } from "node-llama-cpp";
import { GenerationError } from "../errors.js";
import type { JsonSchema, ProviderLogger } from "./types.js";
import { WaitQueue } from "./waiters.js";

export interface ModelManagerOptions {
  modelPath: string;
  /** Parallel generations (context sequences). Default 2. */
  sequences?: number;
  /** Tokens per sequence; capped by what the model was trained on. Default 8192. */
  contextSize?: number;
  /** Unload after this long without requests. Default 10 minutes; 0 keeps the model loaded. */
  idleUnloadMs?: number;
  /** CPU threads; default all cores, or 1 for tiny (< 50 MB) models where threads only add overhead. */
  threads?: number;
  log?: ProviderLogger;
}

export type LlamaModule = typeof import("node-llama-cpp");

export interface ModelLease {
  /** The node-llama-cpp module, handed out so callers need not import it eagerly either. */
  lib: LlamaModule;
  sequence: LlamaContextSequence;
  grammarFor(schema: JsonSchema): Promise<LlamaGrammar>;
  release(): Promise<void>;
}

export type ModelState = "unloaded" | "loading" | "loaded" | "failed";

const TINY_MODEL_BYTES = 50 * 1024 * 1024;

interface Loaded {
  lib: LlamaModule;
  llama: Llama;
  model: LlamaModel;
  context: LlamaContext;
  free: LlamaContextSequence[];
  grammars: Map<string, Promise<LlamaGrammar>>;
}

export class ModelManager {
  readonly sequences: number;
  private loaded: Loaded | null = null;
  private loading: Promise<Loaded> | null = null;
  private lastError: string | null = null;
  private active = 0;
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly queue = new WaitQueue<LlamaContextSequence>();
  private closed = false;
  /** How many times the model was loaded; tests use it to see lazy loading and idle unloads. */
  loads = 0;

  constructor(private readonly opts: ModelManagerOptions) {
    this.sequences = Math.max(1, opts.sequences ?? 2);
  }

  get state(): ModelState {
    if (this.loaded) return "loaded";
    if (this.loading) return "loading";
    return this.lastError ? "failed" : "unloaded";
  }

  /** Requests in flight: generating, waiting for the model to load, or waiting for a sequence. */
  get busy(): number {
    return this.active;
  }

  get waiting(): number {
    return this.queue.length;
  }

  private async load(): Promise<Loaded> {
    const { modelPath, log } = this.opts;
    const size = await stat(modelPath).then(
      (s) => s.size,
      () => {
        throw new GenerationError("config", `The AI model file was not found; check LLM_MODEL_PATH (${modelPath}).`);
      },
    );
    const threads = this.opts.threads ?? (size < TINY_MODEL_BYTES ? 1 : availableParallelism());
    const started = Date.now();
    // Imported lazily: the native binding costs start-up time and memory servers without a model never need.
    const lib = await import("node-llama-cpp");
    const llama = await lib
      .getLlama({ gpu: false, build: "never", maxThreads: threads, logLevel: lib.LlamaLogLevel.error })
      .catch((err: unknown) => {
        // No prebuilt llama.cpp binary for this platform (we never compile on a server).
        throw new GenerationError("config", "The in-process AI engine (llama.cpp) cannot run on this server.", false, {
          cause: err,
        });
      });
    try {
      const model = await llama.loadModel({ modelPath });
      const contextSize = Math.min(this.opts.contextSize ?? 8192, model.trainContextSize);
      const context = await model.createContext({ sequences: this.sequences, contextSize, threads });
      const free = Array.from({ length: this.sequences }, () => context.getSequence());
      this.loads++;
      log?.info(
        { modelPath, threads, contextSize, sequences: this.sequences, ms: Date.now() - started },
        "llm model loaded",
      );
      return { lib, llama, model, context, free, grammars: new Map() };
    } catch (err) {
      await llama.dispose().catch(() => {});
      throw new GenerationError("config", "The AI model file could not be loaded; check LLM_MODEL_PATH.", false, {
        cause: err,
      });
    }
  }

  private async ensureLoaded(): Promise<Loaded> {
    if (this.closed) throw new GenerationError("model", "The AI model is shutting down; please try again.", true);
    if (this.loaded) return this.loaded;
    this.loading ??= this.load().then(
      (l) => {
        this.loaded = l;
        this.loading = null;
        this.lastError = null;
        return l;
      },
      (err: unknown) => {
        this.loading = null;
        this.lastError = err instanceof GenerationError ? err.reason : String(err);
        throw err;
      },
    );
    return this.loading;
  }

  /** Waits for a free sequence (loading the model if needed); always `release()` the lease. */
  async acquire(signal?: AbortSignal): Promise<ModelLease> {
    this.clearIdleTimer();
    this.active++;
    let sequence: LlamaContextSequence;
    let loaded: Loaded;
    try {
      loaded = await this.ensureLoaded();
      sequence = loaded.free.pop() ?? (await this.queue.wait(signal));
    } catch (err) {
      this.active--;
      this.armIdleTimer();
      throw err;
    }
    let released = false;
    return {
      lib: loaded.lib,
      sequence,
      grammarFor: (schema) => this.grammarFor(loaded, schema),
      release: async () => {
        if (released) return;
        released = true;
        // A reused sequence must start empty, or the next prompt would see this one's tokens.
        await sequence.clearHistory().catch(() => {});
        this.active--;
        if (!this.queue.handOver(sequence)) loaded.free.push(sequence);
        this.armIdleTimer();
      },
    };
  }

  private grammarFor(loaded: Loaded, schema: JsonSchema): Promise<LlamaGrammar> {
    const key = JSON.stringify(schema);
    let grammar = loaded.grammars.get(key);
    if (!grammar) {
      // biome-ignore lint/suspicious/noExplicitAny: our JsonSchema is the runtime subset GBNF accepts; its generic type cannot be inferred from a value
      grammar = loaded.llama.createGrammarForJsonSchema(schema as any);
      // Do not cache a failure: the next request should get a fresh attempt and its own error.
      grammar.catch(() => loaded.grammars.delete(key));
      loaded.grammars.set(key, grammar);
    }
    return grammar;
  }

  private clearIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private armIdleTimer(): void {
    const idle = this.opts.idleUnloadMs ?? 10 * 60_000;
    if (idle <= 0 || this.active > 0 || !this.loaded || this.closed) return;
    this.clearIdleTimer();
    this.idleTimer = setTimeout(() => void this.unload("idle"), idle);
    this.idleTimer.unref();
  }

  /** Frees the model's memory; the next request loads it again. */
  async unload(why = "request"): Promise<void> {
    this.clearIdleTimer();
    if (this.loading) await this.loading.catch(() => {});
    const l = this.loaded;
    if (!l || this.active > 0) return;
    this.loaded = null;
    await l.context.dispose();
    await l.model.dispose();
    await l.llama.dispose();
    this.opts.log?.info({ why }, "llm model unloaded");
  }

  async health(): Promise<{ ok: boolean; detail: string }> {
    const exists = await stat(this.opts.modelPath).then(
      () => true,
      () => false,
    );
    if (!exists) return { ok: false, detail: `model file not found: ${this.opts.modelPath}` };
    if (this.state === "failed") return { ok: false, detail: this.lastError ?? "model failed to load" };
    return { ok: true, detail: `${this.state}; ${this.active} in flight, ${this.queue.length} waiting for a sequence` };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.queue.rejectAll(new GenerationError("model", "The AI model is shutting down; please try again.", true));
    this.active = 0;
    if (this.loading) await this.loading.catch(() => {});
    const l = this.loaded;
    this.loaded = null;
    this.clearIdleTimer();
    if (l) {
      await l.context.dispose();
      await l.model.dispose();
      await l.llama.dispose();
    }
  }
}
