// The pipeline's failure paths with a scripted provider: each step fails with its own step name and
// a reason a student can read, and flagged input gets the model's second opinion.
import { describe, expect, it } from "vitest";
import { GenerationError, generateLesson } from "./pipeline.js";
import type { JsonRequest, LlmProvider } from "./providers/types.js";
import { SAMPLE_LESSONS } from "./samples.js";

const sample = SAMPLE_LESSONS[4];

function scripted(answer: (req: JsonRequest) => unknown): LlmProvider & { requests: JsonRequest[] } {
  const requests: JsonRequest[] = [];
  return {
    name: "openai",
    model: "scripted",
    concurrency: 1,
    requests,
    async generateJson(req) {
      requests.push(req);
      const json = answer(req);
      return { json, text: JSON.stringify(json), usage: { inputTokens: 1, outputTokens: 1 } };
    },
    health: async () => ({ ok: true }),
    close: async () => {},
  };
}

async function failure(p: Promise<unknown>): Promise<GenerationError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(GenerationError);
  return err as GenerationError;
}

describe("generateLesson", () => {
  it("returns a lesson and asks the model with the subject × difficulty template and the schema", async () => {
    const provider = scripted(() => sample);
    const lesson = await generateLesson(
      { ...sample, sourceText: "Newton's notes: force equals mass times acceleration." },
      provider,
    );
    expect(lesson.keyPoints).toEqual(sample.keyPoints);
    const req = provider.requests[0];
    expect(req.task).toBe("lesson");
    expect(req.system).toMatch(/physics teacher/);
    expect(req.system).toMatch(/first time/); // BEGINNER guidance
    expect(req.prompt).toContain("force equals mass times acceleration");
    expect(req.schema).toHaveProperty("required");
  });

  it("rejects unsafe input before calling the model", async () => {
    const provider = scripted(() => sample);
    const err = await failure(generateLesson({ ...sample, topic: "i will kill you" }, provider));
    expect(err.step).toBe("moderation");
    expect(err.reason).toMatch(/threat/);
    expect(provider.requests).toHaveLength(0);
  });

  it("asks the model for a second opinion on flagged input and follows it", async () => {
    const provider = scripted((req) =>
      req.task === "moderation" ? { verdict: "UNSAFE", reason: "Insults a classmate." } : sample,
    );
    const err = await failure(generateLesson({ ...sample, topic: "why you are so stupid" }, provider));
    expect(err.step).toBe("moderation");
    expect(err.reason).toBe("Insults a classmate.");
  });

  it("shows the judge the flagged passage of long notes, not the whole notes", async () => {
    const provider = scripted((req) => (req.task === "moderation" ? { verdict: "SAFE", reason: "" } : sample));
    const filler = "Force equals mass times acceleration in every example we tried. ".repeat(200);
    await generateLesson({ ...sample, sourceText: `${filler}\nYou are so stupid if you forget units.` }, provider);
    const judged = provider.requests.find((r) => r.task === "moderation");
    expect(judged?.prompt).toContain("You are so stupid");
    expect(judged?.prompt.length).toBeLessThan(1000);
  });

  it("turns a crashing provider into a retryable model error", async () => {
    const provider = scripted(() => {
      throw new Error("segfault-ish");
    });
    const err = await failure(generateLesson(sample, provider));
    expect(err.step).toBe("model");
    expect(err.retryable).toBe(true);
  });

  it("fails validation when the answer is not lesson-shaped", async () => {
    const err = await failure(
      generateLesson(
        sample,
        scripted(() => ({ title: "x" })),
      ),
    );
    expect(err.step).toBe("validation");
  });

  it("fails quality when the lesson is about something else", async () => {
    const off = SAMPLE_LESSONS[0]; // photosynthesis
    const err = await failure(
      generateLesson(
        { ...sample, topic: "Newton's laws of motion" },
        scripted(() => off),
      ),
    );
    expect(err.step).toBe("quality");
    expect(err.reason).toMatch(/not about the topic/);
  });

  it("fails quality when too few key points or quiz questions survive clean-up", async () => {
    const thin = { ...sample, keyPoints: [sample.keyPoints[0], sample.keyPoints[0], sample.keyPoints[1]] };
    expect(
      (
        await failure(
          generateLesson(
            sample,
            scripted(() => thin),
          ),
        )
      ).reason,
    ).toMatch(/key points/);
    const noQuiz = { ...sample, quiz: [sample.quiz[0]] };
    expect(
      (
        await failure(
          generateLesson(
            sample,
            scripted(() => noQuiz),
          ),
        )
      ).reason,
    ).toMatch(/quiz/);
  });

  it("fails quality when the output itself is unsafe", async () => {
    const bad = { ...sample, script: `${sample.script} Now go kill yourself.` };
    const err = await failure(
      generateLesson(
        sample,
        scripted(() => bad),
      ),
    );
    expect(err.step).toBe("quality");
    expect(err.reason).toMatch(/unsuitable/);
  });

  it("reports cancellation as a retryable model error", async () => {
    const controller = new AbortController();
    const provider = scripted(() => {
      controller.abort();
      throw new Error("aborted");
    });
    const err = await failure(generateLesson(sample, provider, { signal: controller.signal }));
    expect(err.step).toBe("model");
    expect(err.reason).toMatch(/cancelled/);
  });
});
