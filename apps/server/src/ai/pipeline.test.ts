// The pipeline's failure paths with a scripted provider: each step fails with its own step name and
// a reason a student can read, and flagged input gets the model's second opinion.
import { describe, expect, it } from "vitest";
import { GenerationError, generateLesson } from "./pipeline.js";
import { splitNarration } from "./narration.js";
import { checkQuality } from "./quality.js";
import { inferKind } from "./quiz/kinds.js";
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

  it("asks for intro → key point, explanation and example per section → recap, and an explained quiz", async () => {
    const provider = scripted(() => sample);
    await generateLesson(sample, provider);
    const { system, schema } = provider.requests[0];
    expect(system).toMatch(/intro/);
    expect(system).toMatch(/example/);
    expect(system).toMatch(/To recap/);
    expect(system).toMatch(/cover every part of the notes/);
    expect(schema.required).toEqual(["title", "scriptSummary", "intro", "sections", "recap", "tags", "quiz"]);
    const quizItem = (schema.properties as { quiz: { items: { required: string[] } } }).quiz.items;
    expect(quizItem.required).toEqual(["question", "choices", "answerIndex", "explanation", "keyPoint"]);
  });

  it("assembles a model's sections into one narration and links its quiz to the sections it names", async () => {
    const structured = {
      title: "Newton's laws",
      scriptSummary: "Three laws connect force and motion. Each has everyday examples.",
      intro: "Newton's three laws explain how forces change the way things move.",
      sections: [
        {
          keyPoint: "An object keeps its velocity unless a net force acts on it.",
          explanation: "This is the law of inertia. Objects resist changes to their motion.",
          example: "Passengers lurch forward when a bus brakes suddenly.",
        },
        {
          keyPoint: "Net force equals mass times acceleration.",
          explanation: "A bigger force gives a bigger acceleration. A heavier object needs more force.",
          example: "A 10 newton push on a 2 kilogram trolley gives 5 metres per second squared.",
        },
        {
          keyPoint: "Every action has an equal and opposite reaction.",
          explanation: "Forces come in pairs that act on different objects, so they never cancel out.",
          example: "A rocket pushes gas backwards and the gas pushes the rocket forwards.",
        },
      ],
      recap: "inertia, force equals mass times acceleration, and action and reaction pairs.",
      tags: ["physics", "forces"],
      quiz: [
        {
          question: "Why do passengers lurch forward when a bus brakes?",
          choices: ["Inertia", "Gravity", "Friction"],
          answerIndex: 0,
          explanation: "Their bodies keep moving: inertia.",
          keyPoint: 0,
        },
        {
          question: "What does a 10 N push give a 2 kg trolley?",
          choices: ["5 m/s²", "20 m/s²", "12 m/s²"],
          answerIndex: 0,
          explanation: "a = F / m = 10 / 2.",
          keyPoint: 1,
        },
        {
          question: "Why do action and reaction forces not cancel?",
          choices: ["They act on different objects", "They are unequal", "They act at different times"],
          answerIndex: 0,
          explanation: "Each force acts on a different object.",
          keyPoint: 2,
        },
      ],
    };
    const lesson = await generateLesson(
      { ...sample, topic: "Newton's laws of motion" },
      scripted(() => structured),
    );
    expect(lesson.keyPoints).toEqual(structured.sections.map((s) => s.keyPoint));
    const parts = splitNarration(lesson.script, lesson.keyPoints);
    expect(parts.intro).toBe(structured.intro);
    parts.points.forEach((segment, i) => {
      const { keyPoint, explanation, example } = structured.sections[i];
      expect(segment).toBe(`${keyPoint} ${explanation} ${example}`);
    });
    expect(parts.recap).toBe(`To recap: ${structured.recap}`);
    for (const [i, q] of structured.quiz.entries()) {
      const kept = lesson.quiz.find((k) => k.question === q.question);
      expect(kept?.keyPointIndex).toBe(i);
      expect(kept?.at).toBe(lesson.timestamps[i]);
      expect(kept?.explanation).toBe(q.explanation);
      expect(kept?.choices[kept.answerIndex]).toBe(q.choices[0]);
    }
    expect(lesson.quiz.length).toBeGreaterThanOrEqual(4);
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

  it("fails quality when too few key points survive clean-up", async () => {
    const thin = { ...sample, keyPoints: [sample.keyPoints[0], sample.keyPoints[0], sample.keyPoints[1]] };
    const err = await failure(
      generateLesson(
        sample,
        scripted(() => thin),
      ),
    );
    expect(err.reason).toMatch(/key points/);
  });

  it("tops a model's single quiz question up to four explained questions of more than one kind", async () => {
    const lesson = await generateLesson(
      sample,
      scripted(() => ({ ...sample, quiz: [sample.quiz[0]] })),
    );
    expect(lesson.quiz.length).toBeGreaterThanOrEqual(4);
    expect(lesson.quiz.map((q) => q.question)).toContain(sample.quiz[0].question);
    expect(new Set(lesson.quiz.map((q) => inferKind(q.question, q.choices))).size).toBeGreaterThanOrEqual(2);
    for (const q of lesson.quiz) expect(q.explanation && q.at !== undefined && q.at < lesson.duration).toBe(true);
  });

  it("fails quality when the quiz is short, of one kind, or unexplained", () => {
    const base = { ...sample, sourceText: null };
    const mc = { question: "Which unit measures force?", choices: ["newton", "joule", "watt"], answerIndex: 0 };
    const explained = { ...mc, explanation: "Force is measured in newtons.", at: 0, keyPointIndex: 0 };
    const tf = { ...explained, question: "True or false: force is measured in newtons.", choices: ["True", "False"] };
    expect(() => checkQuality({ ...base, quiz: [explained, tf, explained] }, base)).toThrow(/quiz questions/);
    expect(() => checkQuality({ ...base, quiz: [explained, explained, explained, explained] }, base)).toThrow(
      /same way/,
    );
    expect(() => checkQuality({ ...base, quiz: [mc, tf, explained, explained] }, base)).toThrow(/explanation/);
    expect(() =>
      checkQuality({ ...base, quiz: [tf, tf, explained, { ...explained, at: base.duration }] }, base),
    ).toThrow(/moment/);
    expect(() => checkQuality({ ...base, quiz: [tf, tf, explained, explained] }, base)).not.toThrow();
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
