// The llama-cpp provider: node-llama-cpp in-process on a GGUF file, output constrained by a
// grammar compiled from the JSON schema so the answer always has the requested shape.
import { basename } from "node:path";
import { GenerationError } from "../errors.js";
import { parseJsonText } from "./json-text.js";
import { ModelManager, type ModelManagerOptions } from "./model-manager.js";
import type { JsonRequest, JsonResult, LlmProvider, ProviderHealth } from "./types.js";

export interface LlamaCppOptions extends ModelManagerOptions {
  /** Upper bound on generated tokens whatever a request asks for (tests use it to bound time). */
  maxTokensCap?: number;
}

export class LlamaCppProvider implements LlmProvider {
  readonly name = "llama-cpp" as const;
  readonly model: string;
  readonly concurrency: number;
  readonly manager: ModelManager;

  constructor(private readonly opts: LlamaCppOptions) {
    this.manager = new ModelManager(opts);
    this.model = basename(opts.modelPath);
    this.concurrency = this.manager.sequences;
  }

  async generateJson(req: JsonRequest): Promise<JsonResult> {
    const lease = await this.manager.acquire(req.signal);
    try {
      const grammar = await lease.grammarFor(req.schema);
      const before = lease.sequence.tokenMeter.getState();
      const session = new lease.lib.LlamaChatSession({
        contextSequence: lease.sequence,
        systemPrompt: req.system,
        autoDisposeSequence: false,
      });
      let text: string;
      try {
        text = await session.prompt(req.prompt, {
          grammar,
          maxTokens: Math.min(req.maxTokens, this.opts.maxTokensCap ?? Number.POSITIVE_INFINITY),
          temperature: req.temperature ?? 0.4,
          signal: req.signal,
        });
      } finally {
        session.dispose({ disposeSequence: false });
      }
      const used = lease.sequence.tokenMeter.diff(before);
      const usage = { inputTokens: used.usedInputTokens, outputTokens: used.usedOutputTokens };
      try {
        return { json: parseJsonText(text), text, usage };
      } catch (err) {
        // The grammar guarantees the shape, so unparsable text means the token budget ran out.
        throw new GenerationError(
          "validation",
          "The AI model's answer was cut off before the lesson was complete.",
          true,
          {
            cause: err,
          },
        );
      }
    } finally {
      await lease.release();
    }
  }

  health(): Promise<ProviderHealth> {
    return this.manager.health();
  }

  close(): Promise<void> {
    return this.manager.close();
  }
}
