// The offline provider: no model at all. Lessons are built from the student's notes (a key point from
// every section, narrated with its own sentences; the quiz is written by post-processing); a request
// without notes fails with how to configure a model.
import { GenerationError } from "../../errors.js";
import type { JsonRequest, JsonResult, LlmProvider, ProviderHealth } from "../types.js";
import { buildOfflineLesson } from "./build-lesson.js";

export class OfflineProvider implements LlmProvider {
  readonly name = "offline" as const;
  readonly model = "extractive-notes";
  // Pure CPU work measured in milliseconds: a few at once is plenty.
  readonly concurrency = 2;

  async generateJson(req: JsonRequest): Promise<JsonResult> {
    if (req.task !== "lesson" || !req.material) {
      throw new GenerationError("config", "No AI model is configured to answer this request.", false, {
        code: "no_model",
      });
    }
    const lesson = buildOfflineLesson(req.material);
    const text = JSON.stringify(lesson);
    return { json: lesson, text, usage: { inputTokens: 0, outputTokens: 0 } };
  }

  async health(): Promise<ProviderHealth> {
    return { ok: true, detail: "offline: lessons are built from the student's notes; no model configured" };
  }

  async close(): Promise<void> {}
}
