// An OpenAI-compatible speech server (Kokoro-FastAPI, openedai-speech, Piper behind a shim, or
// OpenAI itself): POST {base}/v1/audio/speech. Timeouts, 5xx and 429 are retried with backoff;
// any other refusal fails at once with the server's own words.
import { type Tts, TtsError } from "./types.js";

export interface OpenAiTtsOptions {
  baseUrl: string;
  voice?: string;
  model: string;
  apiKey?: string;
  timeoutMs: number;
  retries: number;
  retryDelayMs: number;
}

/** Accepts "http://host:8880", "http://host:8880/v1" or the full endpoint. */
export function speechEndpoint(baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, "");
  if (base.endsWith("/audio/speech")) return base;
  return base.endsWith("/v1") ? `${base}/audio/speech` : `${base}/v1/audio/speech`;
}

const RETRYABLE_STATUS = (s: number) => s >= 500 || s === 429 || s === 408;

export function openAiTts(opts: OpenAiTtsOptions): Tts {
  const url = speechEndpoint(opts.baseUrl);
  const host = new URL(url).host;
  const voice = opts.voice ?? "alloy";
  async function once(text: string, signal?: AbortSignal): Promise<Buffer> {
    const timeout = AbortSignal.timeout(opts.timeoutMs);
    let res: Response;
    try {
      res = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "audio/wav, audio/*",
          ...(opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : {}),
        },
        body: JSON.stringify({ model: opts.model, input: text, voice, response_format: "wav" }),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (err) {
      if (signal?.aborted) throw err;
      const why = timeout.aborted ? `did not answer within ${Math.round(opts.timeoutMs / 1000)} s` : "is unreachable";
      throw new TtsError("speech_failed", `The speech server at ${host} ${why}.`, true, { cause: err });
    }
    if (!res.ok) {
      const detail = (await res.text().catch(() => "")).replace(/\s+/g, " ").trim().slice(0, 200);
      throw new TtsError(
        "speech_failed",
        `The speech server at ${host} answered HTTP ${res.status}${detail ? `: ${detail}` : ""}.`,
        RETRYABLE_STATUS(res.status),
      );
    }
    try {
      return Buffer.from(await res.arrayBuffer());
    } catch (err) {
      if (signal?.aborted) throw err;
      throw new TtsError("speech_failed", `The speech server at ${host} broke off its answer.`, true, { cause: err });
    }
  }
  return {
    name: "openai",
    voice,
    // OpenAI's documented limit for one request; most compatible servers accept at least this.
    maxChars: 4096,
    async synthesize(text, signal) {
      for (let attempt = 0; ; attempt++) {
        try {
          return await once(text, signal);
        } catch (err) {
          if (!(err instanceof TtsError) || !err.retryable || attempt >= opts.retries) throw err;
          await new Promise((r) => setTimeout(r, opts.retryDelayMs * 2 ** attempt));
        }
      }
    },
  };
}
