// The real llama.cpp path on a tiny model the test writes itself: grammar-constrained JSON, the
// whole lesson pipeline, and the model manager's lazy load, idle unload and queueing.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTinyModel } from "../../../test/fixtures/gguf/tiny-model.js";
import { rewordKeyPoint } from "../key-point.js";
import { GenerationError, generateLesson } from "../pipeline.js";
import { LlamaCppProvider } from "./llama-cpp.js";
import type { JsonRequest } from "./types.js";

let dir: string;
let modelPath: string;
let closingModelPath: string;
const providers: LlamaCppProvider[] = [];

function provider(opts: Partial<ConstructorParameters<typeof LlamaCppProvider>[0]> = {}): LlamaCppProvider {
  const p = new LlamaCppProvider({ modelPath, threads: 1, contextSize: 4096, maxTokensCap: 1200, ...opts });
  providers.push(p);
  return p;
}

const smallSchema = {
  type: "object",
  properties: {
    title: { type: "string", maxLength: 24 },
    points: { type: "array", items: { type: "string", maxLength: 12 }, minItems: 1, maxItems: 3 },
    level: { enum: ["easy", "hard"] },
  },
  required: ["title", "points", "level"],
  additionalProperties: false,
} as const;

function smallRequest(extra: Partial<JsonRequest> = {}): JsonRequest {
  return {
    task: "lesson",
    system: "You answer in JSON.",
    prompt: "Describe photosynthesis.",
    schema: smallSchema,
    schemaName: "small",
    maxTokens: 300,
    ...extra,
  };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "lm-gguf-"));
  modelPath = writeTinyModel(join(dir, "tiny.gguf"));
  closingModelPath = writeTinyModel(join(dir, "tiny-closing.gguf"), { closeEarly: true });
});

afterAll(async () => {
  await Promise.all(providers.map((p) => p.close()));
  rmSync(dir, { recursive: true, force: true });
});

describe("llama-cpp provider on a generated tiny model", () => {
  it("produces JSON that matches the schema it was constrained by", async () => {
    const p = provider();
    const { json, usage } = await p.generateJson(smallRequest());
    const out = json as { title: unknown; points: unknown; level: unknown };
    expect(Object.keys(out).sort()).toEqual(["level", "points", "title"]);
    expect(typeof out.title).toBe("string");
    expect(Array.isArray(out.points)).toBe(true);
    expect((out.points as unknown[]).length).toBeGreaterThanOrEqual(1);
    expect((out.points as unknown[]).length).toBeLessThanOrEqual(3);
    expect(["easy", "hard"]).toContain(out.level);
    expect(usage.outputTokens).toBeGreaterThan(0);
    expect(usage.inputTokens).toBeGreaterThan(0);
  });

  it("runs the real lesson pipeline: a valid lesson or a quality/validation failure, nothing else", async () => {
    const p = provider();
    const started = Date.now();
    const result = await generateLesson(
      { topic: "Photosynthesis", subject: "BIOLOGY", difficulty: "BEGINNER" },
      p,
    ).then(
      (lesson) => ({ lesson, err: null }),
      (err: unknown) => ({ lesson: null, err }),
    );
    expect(Date.now() - started).toBeLessThan(50_000);
    if (result.err) {
      expect(result.err).toBeInstanceOf(GenerationError);
      expect(["quality", "validation"]).toContain((result.err as GenerationError).step);
      expect((result.err as GenerationError).reason.length).toBeGreaterThan(10);
    } else {
      const lesson = result.lesson!;
      expect(lesson.keyPoints.length).toBeGreaterThanOrEqual(3);
      expect(lesson.timestamps).toHaveLength(lesson.keyPoints.length);
      expect(lesson.quiz.length).toBeGreaterThanOrEqual(2);
    }
  });

  it("rewords one reported key point under its schema; the random model's nonsense is refused on quality", async () => {
    const p = provider({ modelPath: closingModelPath });
    let raw: unknown = null;
    const generate = p.generateJson.bind(p);
    p.generateJson = async (req) => {
      const out = await generate(req);
      raw = out.json;
      return out;
    };
    const err = await rewordKeyPoint(
      {
        topic: "Photosynthesis",
        subject: "BIOLOGY",
        keyPoints: ["Plants make glucose from light", "The Calvin cycle is in the mitochondria", "Oxygen is released"],
        index: 1,
        source: "The Calvin cycle takes place in the stroma of the chloroplast and fixes carbon dioxide.",
        reasons: ["It is in the stroma"],
      },
      p,
    ).catch((e: unknown) => e);
    // The grammar held the answer to the schema: one string under its length bound...
    expect(Object.keys(raw as object)).toEqual(["keyPoint"]);
    expect(typeof (raw as { keyPoint: unknown }).keyPoint).toBe("string");
    expect((raw as { keyPoint: string }).keyPoint.length).toBeLessThanOrEqual(160);
    // ...and random weights write nothing grounded in the notes, so the quality gate refuses it.
    expect(err).toBeInstanceOf(GenerationError);
    expect((err as GenerationError).step).toBe("quality");
  });

  it("parses and validates a lesson the grammar completed, then fails it on quality, not shape", async () => {
    const p = provider({ modelPath: closingModelPath });
    let raw: unknown = null;
    const generate = p.generateJson.bind(p);
    p.generateJson = async (req) => {
      const out = await generate(req);
      raw = out.json;
      return out;
    };
    const err = await generateLesson({ topic: "Photosynthesis", subject: "BIOLOGY", difficulty: "BEGINNER" }, p).catch(
      (e: unknown) => e,
    );
    // The grammar produced every required key with bounded arrays, so parsing and validation held...
    expect(Object.keys(raw as object).sort()).toEqual([
      "intro",
      "quiz",
      "recap",
      "scriptSummary",
      "sections",
      "tags",
      "title",
    ]);
    const quiz = (raw as { quiz: Array<{ choices: unknown[]; answerIndex: number; keyPoint: number }> }).quiz;
    expect(quiz.length).toBeGreaterThanOrEqual(3);
    for (const q of quiz) expect([0, 1, 2, 3]).toContain(q.answerIndex);
    for (const q of quiz) expect([0, 1, 2, 3, 4, 5]).toContain(q.keyPoint);
    // ...and the nonsense inside was caught by the quality checks with a readable reason.
    expect(err).toBeInstanceOf(GenerationError);
    expect((err as GenerationError).step).toBe("quality");
  });

  it("does not load the model until the first request", async () => {
    const p = provider();
    expect(p.manager.state).toBe("unloaded");
    expect((await p.health()).ok).toBe(true);
    expect(p.manager.loads).toBe(0);
    await p.generateJson(smallRequest());
    expect(p.manager.state).toBe("loaded");
    expect(p.manager.loads).toBe(1);
  });

  it("unloads after sitting idle and loads again on the next request", async () => {
    const p = provider({ idleUnloadMs: 150 });
    await p.generateJson(smallRequest());
    expect(p.manager.state).toBe("loaded");
    // Poll rather than sleep a fixed time: timers fire late on a busy CI machine.
    const deadline = Date.now() + 10_000;
    while (p.manager.state !== "unloaded" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(p.manager.state).toBe("unloaded");
    await p.generateJson(smallRequest());
    expect(p.manager.loads).toBe(2);
  });

  it("queues generations beyond the sequence count instead of failing", async () => {
    const p = provider({ sequences: 2 });
    let maxWaiting = 0;
    const watch = setInterval(() => {
      maxWaiting = Math.max(maxWaiting, p.manager.waiting);
    }, 2);
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => p.generateJson(smallRequest({ prompt: `Topic number ${i}` }))),
    );
    clearInterval(watch);
    expect(results.map((r) => r.status)).toEqual(Array(5).fill("fulfilled"));
    expect(maxWaiting).toBeGreaterThan(0);
    expect(p.manager.busy).toBe(0);
  });

  it("lets a queued request be cancelled without leaking its place", async () => {
    const p = provider({ sequences: 1 });
    const first = p.generateJson(smallRequest());
    const controller = new AbortController();
    const queued = p.generateJson(smallRequest({ signal: controller.signal }));
    while (p.manager.waiting === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await expect(queued).rejects.toBeDefined();
    await expect(first).resolves.toBeDefined();
    expect(p.manager.busy).toBe(0);
    expect(p.manager.waiting).toBe(0);
    await expect(p.generateJson(smallRequest())).resolves.toBeDefined();
  });

  it("fails a corrupt model file as a configuration problem and reports it in health", async () => {
    const bad = join(dir, "corrupt.gguf");
    writeFileSync(bad, "this is not a model");
    const p = provider({ modelPath: bad });
    const err = await p.generateJson(smallRequest()).catch((e: unknown) => e);
    expect((err as GenerationError).step).toBe("config");
    expect(p.manager.state).toBe("failed");
    expect((await p.health()).ok).toBe(false);
  });

  it("reports an unloadable model clearly", async () => {
    const p = provider({ modelPath: join(dir, "missing.gguf") });
    expect((await p.health()).ok).toBe(false);
    const err = await p.generateJson(smallRequest()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GenerationError);
    expect((err as GenerationError).step).toBe("config");
    expect((err as GenerationError).reason).toMatch(/LLM_MODEL_PATH/);
  });
});
