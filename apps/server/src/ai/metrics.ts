// Prometheus metrics for the AI side, on prom-client's default registry. Every metric is fetched
// from the registry first so importing this module twice (tests, hot reload) never throws
// "metric already registered".
import { Counter, Gauge, Histogram, register } from "prom-client";

function reuse<T>(name: string, create: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}

export const llmTokens = reuse(
  "lm_llm_tokens_total",
  () =>
    new Counter({
      name: "lm_llm_tokens_total",
      help: "Tokens processed by the language model, by direction (input = prompt, output = generated).",
      labelNames: ["provider", "model", "direction"] as const,
    }),
);

export const llmRequestDuration = reuse(
  "lm_llm_request_duration_seconds",
  () =>
    new Histogram({
      name: "lm_llm_request_duration_seconds",
      help: "Wall time of one language-model request, queueing for a sequence included.",
      labelNames: ["provider", "model"] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40, 80, 160],
    }),
);

export const generationJobs = reuse(
  "lm_generation_jobs_total",
  () =>
    new Counter({
      name: "lm_generation_jobs_total",
      help: "Finished lesson-generation jobs by final status (PUBLIC, PRIVATE, FAILED, REJECTED, retry).",
      labelNames: ["status"] as const,
    }),
);

export const generationQueueDepth = reuse(
  "lm_generation_queue_depth",
  () =>
    new Gauge({
      name: "lm_generation_queue_depth",
      help: "Lesson-generation jobs waiting or running; set by the server from the job queue.",
    }),
);

export function recordLlmRequest(
  provider: string,
  model: string,
  seconds: number,
  usage: { inputTokens: number; outputTokens: number },
): void {
  llmRequestDuration.observe({ provider, model }, seconds);
  if (usage.inputTokens > 0) llmTokens.inc({ provider, model, direction: "input" }, usage.inputTokens);
  if (usage.outputTokens > 0) llmTokens.inc({ provider, model, direction: "output" }, usage.outputTokens);
}

/** The job handler calls this once per job with its final status. */
export function countGenerationJob(status: string): void {
  generationJobs.inc({ status });
}

export function setGenerationQueueDepth(depth: number): void {
  generationQueueDepth.set(depth);
}
