// Lesson videos with an OpenAI-compatible speech server: a fake one on port 0 stands in for
// Kokoro/Piper/OpenAI (outside our system). FFmpeg and the rest of the render are real.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Video } from "@lm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../src/config.js";
import { encodeWav } from "../src/media/render/wav.js";
import { CELL_NOTES } from "./fixtures/cell-notes.js";
import { makeUser, type TestServer, startTestServer, waitFor } from "./harness.js";

interface SpeechRequest {
  method: string;
  url: string;
  authorization?: string;
  contentType?: string;
  body: { model?: string; voice?: string; input?: string; response_format?: string };
}
type Reply = { status: number; body: Buffer | string; delayMs?: number; type?: string };

/** A tone as long as a voice would take for the words (0.3 s each): real, decodable, not silent. */
function toneWav(text: string, sampleRate = 24_000): Buffer {
  const seconds = 0.3 * text.split(/\s+/).filter(Boolean).length;
  const samples = new Int16Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < samples.length; i++)
    samples[i] = Math.round(8000 * Math.sin((2 * Math.PI * 220 * i) / sampleRate));
  return encodeWav({ sampleRate, samples });
}

let requests: SpeechRequest[] = [];
let reply: (r: SpeechRequest, n: number) => Reply = (r) => ({ status: 200, body: toneWav(r.body.input ?? "") });
let fake: Server;
let s: TestServer;

async function readBody(req: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

beforeAll(async () => {
  fake = createServer(async (req, res) => {
    const r: SpeechRequest = {
      method: req.method ?? "",
      url: req.url ?? "",
      authorization: req.headers.authorization,
      contentType: req.headers["content-type"],
      body: JSON.parse((await readBody(req)) || "{}"),
    };
    requests.push(r);
    const out = reply(r, requests.filter((x) => x.body.input === r.body.input).length);
    setTimeout(() => {
      if (res.destroyed) return;
      res.writeHead(out.status, { "content-type": out.type ?? "audio/wav" }).end(out.body);
    }, out.delayMs ?? 0);
  });
  await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));
  const base = testConfig().video;
  s = await startTestServer({
    video: {
      ...base,
      render: true,
      tts: {
        baseUrl: `http://127.0.0.1:${(fake.address() as AddressInfo).port}/v1`,
        voice: "af_bella",
        model: "kokoro",
        apiKey: "sk-test-key",
        timeoutMs: 800,
        retries: 2,
        retryDelayMs: 20,
      },
    },
  });
});
afterAll(async () => {
  await s.stop();
  fake.closeAllConnections();
  await new Promise((r) => fake.close(r));
});

async function lessonSettled(topic: string) {
  const owner = await makeUser(s);
  const created = await s.api("POST", "/videos", {
    token: owner.token,
    body: { topic, subject: "BIOLOGY", difficulty: "BEGINNER", sourceText: CELL_NOTES },
  });
  expect(created.status).toBe(202);
  const video = await waitFor(async () => {
    const v = (await s.api("GET", `/videos/${created.body.id}`, { token: owner.token })).body as Video;
    return ["READY", "FAILED", "UNAVAILABLE"].includes(v.media.status) ? v : null;
  }, 90_000);
  return { owner, video };
}

describe("an OpenAI-compatible speech server", () => {
  it("gets POST /v1/audio/speech with model, voice, input and wav; a 503 and a timeout are retried; the video times itself by the audio it got", async () => {
    requests = [];
    // The first segment's first try answers 503, its second try answers too late; the third works.
    reply = (r, n) => {
      const first = requests[0]?.body.input;
      if (r.body.input === first && n === 1) return { status: 503, body: "overloaded", type: "text/plain" };
      if (r.body.input === first && n === 2) return { status: 200, body: toneWav(r.body.input ?? ""), delayMs: 2500 };
      return { status: 200, body: toneWav(r.body.input ?? "") };
    };
    const { video } = await lessonSettled("Cells through a speech server");
    expect(video.media.failureReason).toBeNull();
    expect(video.media.status).toBe("READY");
    for (const r of requests) {
      expect(r).toMatchObject({
        method: "POST",
        url: "/v1/audio/speech",
        authorization: "Bearer sk-test-key",
        contentType: "application/json",
        body: { model: "kokoro", voice: "af_bella", response_format: "wav" },
      });
      expect(r.body.input?.length).toBeGreaterThan(0);
    }
    const inputs = [...new Set(requests.map((r) => r.body.input))];
    expect(requests.filter((r) => r.body.input === inputs[0])).toHaveLength(3);
    // Intro (with the title), one segment per key point, recap: spoken in lesson order.
    expect(inputs).toHaveLength(video.keyPoints.length + 2);
    expect(inputs[0]).toContain(video.title);
    // Each slot is the tone's length (0.3 s a word) plus a pause, rounded up to a whole second.
    const slots = inputs.map((t) => Math.max(1, Math.ceil(0.3 * (t ?? "").split(/\s+/).length + 0.4)));
    expect(video.duration).toBe(slots.reduce((a, b) => a + b, 0));
    expect(video.timestamps[0]).toBe(slots[0]);
  });

  it.each([
    [
      "an HTML page",
      () => ({ status: 200, body: "<html><body>Upstream error</body></html>", type: "audio/wav" }),
      /not audio/,
    ],
    ["silence", (r: SpeechRequest) => ({ status: 200, body: silentWav(r.body.input ?? "") }), /silence/],
  ])("garbage audio (%s) fails the video with a reason and leaves the lesson playable", async (_name, make, reason) => {
    requests = [];
    reply = make;
    const { owner, video } = await lessonSettled(`Cells with garbage speech ${_name}`);
    expect(video.media.status).toBe("FAILED");
    expect(video.media.failureCode).toBe("speech_bad_audio");
    expect(video.media.failureReason).toMatch(reason);
    expect(video.media.mp4Url).toBeNull();
    // Not retried: the same garbage would come back.
    expect(requests).toHaveLength(1);
    // Still a lesson: published, with its slides' timing and no video URL.
    const lesson = (await s.api("GET", `/videos/${video.id}`)).body as Video;
    expect(lesson.status).toBe("PUBLIC");
    expect(lesson.videoUrl).toBeNull();
    expect(lesson.keyPoints.length).toBeGreaterThan(0);
    expect(lesson.timestamps).toHaveLength(lesson.keyPoints.length);
    expect(lesson.timestamps.at(-1)).toBeLessThan(lesson.duration);
    expect((await fetch(`${s.url}/api/v1/videos/${video.id}/video.mp4`)).status).toBe(404);
    expect(owner.id).toBe(lesson.createdBy.id);
  });

  it("a speech server still down after its own retries hands the render back to the queue; the next attempt makes the video", {
    timeout: 150_000,
  }, async () => {
    requests = [];
    // Every try of the first segment during the first attempt answers 503 (1 + 2 retries), then it recovers.
    reply = (r, n) => {
      const first = requests[0]?.body.input;
      if (r.body.input === first && n <= 3) return { status: 503, body: "overloaded", type: "text/plain" };
      return { status: 200, body: toneWav(r.body.input ?? "") };
    };
    const { video } = await lessonSettled("Cells while the speech server restarts");
    expect(video.media).toMatchObject({ status: "READY", failureCode: null, failureReason: null });
    const first = requests[0].body.input;
    expect(requests.filter((r) => r.body.input === first)).toHaveLength(4);
    const [job] = await s.ctx.db.query<{ retry_count: number }>(
      "select retry_count from pgboss.job where name = 'render-video' and data->>'videoId' = $1",
      [video.id],
    );
    expect(job.retry_count).toBe(1);
  });

  it("a speech server down for every attempt fails the video with its words, and the lesson still plays", {
    timeout: 150_000,
  }, async () => {
    requests = [];
    reply = () => ({ status: 503, body: "overloaded", type: "text/plain" });
    const { video } = await lessonSettled("Cells while the speech server is down");
    expect(video.media.status).toBe("FAILED");
    expect(video.media.failureCode).toBe("speech_failed");
    expect(video.media.failureReason).toMatch(/HTTP 503: overloaded/);
    // Three attempts of the job (the first try and two retries), each trying the segment three times.
    expect(requests).toHaveLength(9);
    const lesson = (await s.api("GET", `/videos/${video.id}`)).body as Video;
    expect(lesson.status).toBe("PUBLIC");
    expect(lesson.videoUrl).toBeNull();
  });

  it("a refusal (HTTP 400) fails at once with the server's own words, without retrying", async () => {
    requests = [];
    reply = () => ({
      status: 400,
      body: JSON.stringify({ error: "voice af_bella not found" }),
      type: "application/json",
    });
    const { video } = await lessonSettled("Cells with a refusing speech server");
    expect(video.media.status).toBe("FAILED");
    expect(video.media.failureCode).toBe("speech_failed");
    expect(video.media.failureReason).toMatch(/HTTP 400.*voice af_bella not found/);
    expect(requests).toHaveLength(1);
  });
});

function silentWav(text: string): Buffer {
  const samples = new Int16Array(Math.round(0.3 * text.split(/\s+/).length * 24_000));
  return encodeWav({ sampleRate: 24_000, samples });
}
