// The provider contract: one JSON-schema-constrained generation call, health and shutdown.
// Kept apart from index.ts so providers can import it without a circular import.
import type { Difficulty, Subject } from "@lm/core";

/** The subset of JSON Schema every provider understands (node-llama-cpp's GBNF and OpenAI's strict mode). */
export type JsonSchema = { readonly [key: string]: unknown };

export interface LessonMaterial {
  topic: string;
  subject: Subject;
  difficulty: Difficulty;
  notes: string | null;
}

export interface JsonRequest {
  /** What is asked: lets providers that do not read prompts (offline) answer from `material`. */
  task: "lesson" | "moderation" | "key-point";
  system: string;
  prompt: string;
  schema: JsonSchema;
  /** Name of the schema, for OpenAI's `json_schema.name`. */
  schemaName: string;
  maxTokens: number;
  temperature?: number;
  signal?: AbortSignal;
  material?: LessonMaterial;
}

export interface JsonResult {
  /** Parsed JSON (not yet validated: the pipeline validates with zod). */
  json: unknown;
  /** The raw text the model produced, for logs. */
  text: string;
  usage: { inputTokens: number; outputTokens: number };
}

export interface ProviderHealth {
  ok: boolean;
  detail?: string;
}

export interface LlmProvider {
  readonly name: "llama-cpp" | "openai" | "offline";
  readonly model: string;
  /** How many generations the provider runs at once; the queue uses it as the worker concurrency. */
  readonly concurrency: number;
  generateJson(req: JsonRequest): Promise<JsonResult>;
  health(): Promise<ProviderHealth>;
  close(): Promise<void>;
}

/** Method syntax on purpose: pino's overloaded log functions are then assignable to it. */
export interface ProviderLogger {
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
}
