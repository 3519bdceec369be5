// The openai provider: any OpenAI-compatible chat-completions server (vLLM, Ollama, llama.cpp
// server, OpenAI) with `response_format: json_schema`, a per-attempt timeout and retries with
// backoff on network errors, timeouts, 5xx and 429.
import { GenerationError } from "../errors.js";
import { parseJsonText } from "./json-text.js";
import type { JsonRequest, JsonResult, LlmProvider, ProviderHealth, ProviderLogger } from "./types.js";

export interface OpenAiOptions {
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** Per attempt. Default 120 s: a CPU-bound server can take a while for a whole lesson. */
  timeoutMs?: number;
  /** Attempts in total, first included. Default 3. */
  attempts?: number;
  /** First backoff delay; doubles each retry, with jitter. Default 500 ms. */
  backoffMs?: number;
  concurrency?: number;
  log?: ProviderLogger;
}

class RetryableHttpError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterMs: number | null,
  ) {
    super(`HTTP ${status}`);
  }
}

interface ChatCompletion {
  choices?: Array<{ message?: { content?: string | null }; finish_reason?: string }>;
  usage?: { prompt_tokens?: number; completion_tokens?: number };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(t);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

export class OpenAiProvider implements LlmProvider {
  readonly name = "openai" as const;
  readonly model: string;
  readonly concurrency: number;
  private readonly base: string;

  constructor(private readonly opts: OpenAiOptions) {
    this.model = opts.model;
    this.concurrency = opts.concurrency ?? 4;
    this.base = opts.baseUrl.replace(/\/+$/, "");
  }

  private headers(): Record<string, string> {
    const h: Record<string, string> = { "content-type": "application/json" };
    if (this.opts.apiKey) h.authorization = `Bearer ${this.opts.apiKey}`;
    return h;
  }

  private async attempt(body: string, signal?: AbortSignal): Promise<ChatCompletion> {
    const timeout = AbortSignal.timeout(this.opts.timeoutMs ?? 120_000);
    const res = await fetch(`${this.base}/chat/completions`, {
      method: "POST",
      headers: this.headers(),
      body,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    if (res.status === 429 || res.status >= 500) {
      await res.body?.cancel();
      const after = Number(res.headers.get("retry-after"));
      throw new RetryableHttpError(res.status, Number.isFinite(after) && after > 0 ? Math.min(after, 30) * 1000 : null);
    }
    if (!res.ok) {
      const detail = (await res.text().catch(() => "")).slice(0, 300);
      this.opts.log?.warn({ status: res.status, detail }, "llm server refused the request");
      const misconfigured = res.status === 401 || res.status === 403 || res.status === 404;
      throw new GenerationError(
        misconfigured ? "config" : "model",
        misconfigured
          ? `The AI server refused the request (HTTP ${res.status}); check LLM_BASE_URL, LLM_MODEL and LLM_API_KEY.`
          : `The AI server could not handle the request (HTTP ${res.status}).`,
      );
    }
    return (await res.json()) as ChatCompletion;
  }

  async generateJson(req: JsonRequest): Promise<JsonResult> {
    const body = JSON.stringify({
      model: this.model,
      messages: [
        { role: "system", content: req.system },
        { role: "user", content: req.prompt },
      ],
      temperature: req.temperature ?? 0.4,
      max_tokens: req.maxTokens,
      response_format: { type: "json_schema", json_schema: { name: req.schemaName, strict: true, schema: req.schema } },
    });
    const attempts = Math.max(1, this.opts.attempts ?? 3);
    let lastError: unknown;
    for (let i = 0; i < attempts; i++) {
      try {
        const data = await this.attempt(body, req.signal);
        return this.read(data);
      } catch (err) {
        if (err instanceof GenerationError || req.signal?.aborted) throw err;
        lastError = err;
        this.opts.log?.warn({ attempt: i + 1, err: String(err) }, "llm request failed; retrying");
        if (i + 1 < attempts) {
          const backoff = (this.opts.backoffMs ?? 500) * 2 ** i * (0.75 + Math.random() * 0.5);
          const wait = err instanceof RetryableHttpError && err.retryAfterMs !== null ? err.retryAfterMs : backoff;
          await sleep(wait, req.signal);
        }
      }
    }
    const timedOut = lastError instanceof DOMException && lastError.name === "TimeoutError";
    throw new GenerationError(
      "model",
      timedOut
        ? "The AI server did not answer in time; please try again later."
        : "The AI server is unavailable right now; please try again later.",
      true,
      { cause: lastError },
    );
  }

  private read(data: ChatCompletion): JsonResult {
    const text = data.choices?.[0]?.message?.content ?? "";
    const usage = { inputTokens: data.usage?.prompt_tokens ?? 0, outputTokens: data.usage?.completion_tokens ?? 0 };
    try {
      return { json: parseJsonText(text), text, usage };
    } catch (err) {
      throw new GenerationError("model", "The AI model returned an answer that is not a lesson.", true, { cause: err });
    }
  }

  async health(): Promise<ProviderHealth> {
    try {
      const res = await fetch(`${this.base}/models`, { headers: this.headers(), signal: AbortSignal.timeout(5000) });
      await res.body?.cancel();
      return res.ok
        ? { ok: true, detail: `${this.base} (${this.model})` }
        : { ok: false, detail: `HTTP ${res.status}` };
    } catch (err) {
      return { ok: false, detail: `unreachable: ${String(err)}` };
    }
  }

  async close(): Promise<void> {}
}
