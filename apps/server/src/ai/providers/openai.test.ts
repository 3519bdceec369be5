// The openai provider against a fake OpenAI-compatible server on port 0: the request carries the
// JSON schema, timeouts and 5xx are retried, and garbage fails cleanly with a GenerationError.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { lessonJsonSchema } from "../lesson-schema.js";
import { GenerationError, generateLesson } from "../pipeline.js";
import { SAMPLE_LESSONS } from "../samples.js";
import { OpenAiProvider } from "./openai.js";
import type { JsonRequest } from "./types.js";

type Handler = (body: Record<string, unknown>, req: IncomingMessage, res: ServerResponse) => void;
let server: Server | null = null;

async function fakeServer(handlers: Handler[]): Promise<{ url: string; calls: Array<Record<string, unknown>> }> {
  const calls: Array<Record<string, unknown>> = [];
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => {
      raw += c;
    });
    req.on("end", () => {
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      calls.push({ ...body, _path: req.url, _auth: req.headers.authorization });
      const handler = handlers[Math.min(calls.length - 1, handlers.length - 1)];
      handler(body, req, res);
    });
  });
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/v1`, calls };
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  server = null;
});

function completion(content: string): Handler {
  return (_b, _q, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({ choices: [{ message: { content } }], usage: { prompt_tokens: 42, completion_tokens: 7 } }),
    );
  };
}
const fail500: Handler = (_b, _q, res) => {
  res.writeHead(500);
  res.end("boom");
};
const hang: Handler = () => {};

const request: JsonRequest = {
  task: "lesson",
  system: "sys",
  prompt: "prompt",
  schema: lessonJsonSchema,
  schemaName: "study_lesson",
  maxTokens: 100,
};
const fast = { model: "test-model", apiKey: "k", timeoutMs: 300, backoffMs: 10 };

describe("openai-compatible provider", () => {
  it("sends the JSON schema as response_format and reads usage", async () => {
    const { url, calls } = await fakeServer([completion('{"ok":true}')]);
    const p = new OpenAiProvider({ baseUrl: url, ...fast });
    const out = await p.generateJson(request);
    expect(out.json).toEqual({ ok: true });
    expect(out.usage).toEqual({ inputTokens: 42, outputTokens: 7 });
    expect(calls).toHaveLength(1);
    expect(calls[0]._path).toBe("/v1/chat/completions");
    expect(calls[0]._auth).toBe("Bearer k");
    expect(calls[0].model).toBe("test-model");
    expect(calls[0].response_format).toEqual({
      type: "json_schema",
      json_schema: { name: "study_lesson", strict: true, schema: JSON.parse(JSON.stringify(lessonJsonSchema)) },
    });
  });

  it("retries a 500 and a timeout, then succeeds", async () => {
    const { url, calls } = await fakeServer([fail500, hang, completion('```json\n{"ok":1}\n```')]);
    const p = new OpenAiProvider({ baseUrl: url, ...fast, attempts: 3 });
    const out = await p.generateJson(request);
    expect(out.json).toEqual({ ok: 1 });
    expect(calls).toHaveLength(3);
  });

  it("gives up after the last attempt with a retryable model error", async () => {
    const { url, calls } = await fakeServer([fail500]);
    const p = new OpenAiProvider({ baseUrl: url, ...fast, attempts: 2 });
    const err = await p.generateJson(request).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GenerationError);
    expect((err as GenerationError).step).toBe("model");
    expect((err as GenerationError).retryable).toBe(true);
    expect(calls).toHaveLength(2);
  });

  it("fails cleanly on garbage output, without retrying", async () => {
    const { url, calls } = await fakeServer([completion("I am not JSON, sorry")]);
    const p = new OpenAiProvider({ baseUrl: url, ...fast });
    const err = await p.generateJson(request).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GenerationError);
    expect((err as GenerationError).step).toBe("model");
    expect(calls).toHaveLength(1);
  });

  it("does not retry a 401 and says what to check", async () => {
    const { url, calls } = await fakeServer([
      (_b, _q, res) => {
        res.writeHead(401);
        res.end();
      },
    ]);
    const err = await new OpenAiProvider({ baseUrl: url, ...fast }).generateJson(request).catch((e: unknown) => e);
    expect((err as GenerationError).step).toBe("config");
    expect((err as GenerationError).reason).toMatch(/LLM_API_KEY/);
    expect(calls).toHaveLength(1);
  });

  it("runs the whole pipeline on a well-formed answer", async () => {
    const sample = SAMPLE_LESSONS[0];
    const answer = { ...sample, keyPoints: [...sample.keyPoints, sample.keyPoints[0]] };
    const { url } = await fakeServer([completion(JSON.stringify(answer))]);
    const lesson = await generateLesson(sample, new OpenAiProvider({ baseUrl: url, ...fast }));
    expect(lesson.keyPoints).toEqual(sample.keyPoints); // the duplicate is gone
    expect(lesson.timestamps).toHaveLength(lesson.keyPoints.length);
  });

  it("fails the pipeline with a validation error when the JSON is not a lesson", async () => {
    const { url } = await fakeServer([completion('{"title": 5}')]);
    const sample = SAMPLE_LESSONS[0];
    const err = await generateLesson(sample, new OpenAiProvider({ baseUrl: url, ...fast })).catch((e: unknown) => e);
    expect((err as GenerationError).step).toBe("validation");
  });

  it("reports health from /models", async () => {
    const { url } = await fakeServer([completion("{}")]);
    expect((await new OpenAiProvider({ baseUrl: url, ...fast }).health()).ok).toBe(true);
    expect((await new OpenAiProvider({ baseUrl: "http://127.0.0.1:9", ...fast }).health()).ok).toBe(false);
  });
});
