// AI metrics live on prom-client's default registry, survive a second import, and the pipeline
// records tokens and request durations per provider.
import { register } from "prom-client";
import { describe, expect, it, vi } from "vitest";
import { countGenerationJob, setGenerationQueueDepth } from "./metrics.js";
import { generateLesson } from "./pipeline.js";
import { SAMPLE_LESSONS } from "./samples.js";
import type { LlmProvider } from "./providers/types.js";

function metricText(name: string): Promise<string> {
  return register.getSingleMetricAsString(name);
}

describe("AI metrics", () => {
  it("registers once even when the module is loaded again", async () => {
    vi.resetModules();
    await expect(import("./metrics.js")).resolves.toBeDefined();
    expect(register.getSingleMetric("lm_llm_tokens_total")).toBeDefined();
  });

  it("counts jobs and exposes the queue depth", async () => {
    countGenerationJob("FAILED");
    setGenerationQueueDepth(7);
    expect(await metricText("lm_generation_jobs_total")).toMatch(/lm_generation_jobs_total\{status="FAILED"\} [1-9]/);
    expect(await metricText("lm_generation_queue_depth")).toMatch(/lm_generation_queue_depth 7/);
  });

  it("records tokens in both directions and the request duration", async () => {
    const sample = SAMPLE_LESSONS[1];
    const provider: LlmProvider = {
      name: "openai",
      model: "metrics-test",
      concurrency: 1,
      generateJson: async () => ({ json: sample, text: "", usage: { inputTokens: 120, outputTokens: 30 } }),
      health: async () => ({ ok: true }),
      close: async () => {},
    };
    await generateLesson(sample, provider);
    const tokens = await metricText("lm_llm_tokens_total");
    expect(tokens).toMatch(/direction="input"[^}]*\} 120|model="metrics-test"[^}]*direction="input"\} 120/);
    expect(tokens).toMatch(/direction="output"\} 30/);
    expect(await metricText("lm_llm_request_duration_seconds")).toMatch(
      /lm_llm_request_duration_seconds_count\{provider="openai",model="metrics-test"\} 1/,
    );
  });
});
