// Chooses the provider from configuration: a GGUF path wins, then an OpenAI-compatible server,
// else the offline provider that builds lessons from the student's notes.
import { LlamaCppProvider } from "./llama-cpp.js";
import { OfflineProvider } from "./offline/index.js";
import { OpenAiProvider } from "./openai.js";
import type { LlmProvider, ProviderLogger } from "./types.js";

export type { JsonRequest, JsonResult, JsonSchema, LessonMaterial, LlmProvider, ProviderHealth } from "./types.js";
export { LlamaCppProvider } from "./llama-cpp.js";
export { OfflineProvider } from "./offline/index.js";
export { OpenAiProvider } from "./openai.js";

export interface ProviderConfig {
  llmModelPath?: string;
  llmBaseUrl?: string;
  llmModel?: string;
  llmApiKey?: string;
  /** Parallel generations for llama-cpp (context sequences) or openai (requests). */
  llmConcurrency?: number;
  /** Unload the in-process model after this long idle (ms). Default 10 minutes. */
  llmIdleUnloadMs?: number;
}

export function createProvider(cfg: ProviderConfig, log?: ProviderLogger): LlmProvider {
  if (cfg.llmModelPath) {
    log?.info({ provider: "llama-cpp", modelPath: cfg.llmModelPath }, "llm provider");
    return new LlamaCppProvider({
      modelPath: cfg.llmModelPath,
      sequences: cfg.llmConcurrency,
      idleUnloadMs: cfg.llmIdleUnloadMs,
      log,
    });
  }
  if (cfg.llmBaseUrl) {
    const model = cfg.llmModel ?? "default";
    log?.info({ provider: "openai", baseUrl: cfg.llmBaseUrl, model }, "llm provider");
    return new OpenAiProvider({
      baseUrl: cfg.llmBaseUrl,
      model,
      apiKey: cfg.llmApiKey,
      concurrency: cfg.llmConcurrency,
      log,
    });
  }
  log?.warn(
    { provider: "offline" },
    "no LLM configured: lessons are built from students' notes only (set LLM_MODEL_PATH or LLM_BASE_URL)",
  );
  return new OfflineProvider();
}
