// Lesson videos end to end with the real tools: notes → a published lesson → espeak-ng narration →
// frames → FFmpeg → a READY MP4 with captions and chapters, served with Range requests.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Video } from "@lm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { testConfig } from "../src/config.js";
import { keyPointSlide } from "../src/media/render/frames/plan.js";
import { drawScene, type Scene } from "../src/media/render/frames/slides.js";
import { narrationSegments, segmentText } from "../src/media/render/narration.js";
import { splitSentences } from "../src/media/render/sentences.js";
import { CELL_NOTES } from "./fixtures/cell-notes.js";
import { makeUser, type TestServer, startTestServer, waitFor } from "./harness.js";
import { audioTrack, ffprobe, frameAt, parseVtt, pixelDistance, pngRgb } from "./video-tools.js";

let s: TestServer;
let dir: string;
beforeAll(async () => {
  s = await startTestServer({ video: { ...testConfig().video, render: true } });
  dir = mkdtempSync(join(tmpdir(), "lm-video-test-"));
});
afterAll(async () => {
  await s.stop();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${s.url}${path}`, { headers });
  return { res, body: Buffer.from(await res.arrayBuffer()) };
};

interface Rendered {
  owner: Awaited<ReturnType<typeof makeUser>>;
  video: Video;
  mp4: Buffer;
  file: string;
  /** Media states seen while polling, and the events pushed on the creator's channel. */
  seen: string[];
  events: Array<{ status?: string; media?: { status: string; progress: number } }>;
}

let rendered: Promise<Rendered> | undefined;
/** One real render shared by the tests below (each can still run alone). */
function renderOnce(): Promise<Rendered> {
  rendered ??= (async () => {
    const owner = await makeUser(s);
    const ws = new WebSocket(`${s.url.replace("http", "ws")}/api/v1/realtime?access_token=${owner.token}`);
    const events: Rendered["events"] = [];
    ws.on("message", (d) => {
      const m = JSON.parse(d.toString());
      if (m.type === "event" && m.event === "video.updated") events.push(m.data);
    });
    await new Promise((r) => ws.once("open", r));
    ws.send(JSON.stringify({ type: "subscribe", channel: `user:${owner.id}` }));
    await new Promise((r) => ws.once("message", r));
    const created = await s.api("POST", "/videos", {
      token: owner.token,
      body: { topic: "Cells", subject: "BIOLOGY", difficulty: "BEGINNER", sourceText: CELL_NOTES },
    });
    expect(created.status).toBe(202);
    const seen: string[] = [];
    const video = await waitFor(async () => {
      const v = (await s.api("GET", `/videos/${created.body.id}`, { token: owner.token })).body as Video;
      if (v.status === "PUBLIC" && seen.at(-1) !== v.media.status) seen.push(v.media.status);
      if (v.media.status === "FAILED" || v.media.status === "UNAVAILABLE")
        throw new Error(`${v.media.failureReason} (lesson ${v.status}: ${v.failureReason})`);
      return v.media.status === "READY" ? v : null;
    }, 90_000);
    ws.close();
    const { res, body } = await get(video.media.mp4Url!);
    expect(res.status).toBe(200);
    const file = join(dir, `${video.id}.mp4`);
    writeFileSync(file, body);
    return { owner, video, mp4: body, file, seen, events };
  })();
  return rendered;
}

describe("rendering a lesson's video", () => {
  it("publishes the lesson first, pushes progress, then a READY video whose URLs and timing the lesson carries", async () => {
    const r = await renderOnce();
    // The lesson was PUBLIC while its video was still waiting or being made.
    expect(["PENDING", "RENDERING"]).toContain(r.seen[0]);
    expect(r.seen.at(-1)).toBe("READY");
    const progress = r.events.filter((e) => e.media?.status === "RENDERING").map((e) => e.media!.progress);
    expect(progress.some((p) => p > 0 && p < 100)).toBe(true);
    expect(r.events.some((e) => e.media?.status === "READY" && e.status === "PUBLIC")).toBe(true);
    const { video } = r;
    expect(video.media).toMatchObject({ status: "READY", progress: 100, failureCode: null, failureReason: null });
    expect(video.videoUrl).toBe(video.media.mp4Url);
    expect(video.media.sizeBytes).toBe(r.mp4.length);
    expect(video.duration).toBe(video.media.durationSec);
    expect(video.timestamps).toHaveLength(video.keyPoints.length);
    for (let i = 1; i < video.timestamps.length; i++)
      expect(video.timestamps[i]).toBeGreaterThan(video.timestamps[i - 1]);
    expect(video.timestamps.at(-1)).toBeLessThan(video.duration);
    // The quiz moved onto the video's clock: each explained answer links to where its key point's voice starts.
    expect(video.quiz.length).toBeGreaterThanOrEqual(4);
    for (const q of video.quiz) {
      expect(q.explanation?.length).toBeGreaterThan(0);
      expect(q.keyPointIndex).toBeDefined();
      expect(q.at).toBe(video.timestamps[q.keyPointIndex!]);
    }
    // The feed carries the same media object.
    const feed = await s.api("GET", `/videos?createdBy=${r.owner.id}`);
    expect(feed.body.items[0].media).toEqual(video.media);
  });

  it("is an H.264 + AAC MP4, 1280×720, as long as its narration (within 5%)", async () => {
    const { file, video } = await renderOnce();
    const probe = await ffprobe(file);
    const v = probe.streams.find((x) => x.codec_type === "video" && !x.disposition?.attached_pic);
    const a = probe.streams.find((x) => x.codec_type === "audio");
    expect(v).toMatchObject({ codec_name: "h264", width: 1280, height: 720 });
    expect(a?.codec_name).toBe("aac");
    expect(probe.format.format_name).toContain("mp4");
    const duration = Number(probe.format.duration);
    expect(Math.abs(duration - video.duration) / video.duration).toBeLessThan(0.05);
    expect(Math.abs(Number(a!.duration) - video.duration) / video.duration).toBeLessThan(0.05);
    // The thumbnail rides along as the cover picture; faststart puts the index before the data.
    expect(probe.streams.some((x) => x.disposition?.attached_pic === 1)).toBe(true);
    expect(r_moovBeforeMdat((await renderOnce()).mp4)).toBe(true);
  });

  it("serves captions and chapters as WebVTT: every cue inside the video, one chapter per key point at its timestamp", async () => {
    const { video } = await renderOnce();
    const captions = await get(video.media.captionsUrl!);
    expect(captions.res.status).toBe(200);
    expect(captions.res.headers.get("content-type")).toMatch(/^text\/vtt/);
    const cues = parseVtt(captions.body.toString("utf8"));
    expect(cues.length).toBeGreaterThanOrEqual(video.keyPoints.length);
    for (const [i, c] of cues.entries()) {
      expect(c.start).toBeGreaterThanOrEqual(i === 0 ? 0 : cues[i - 1].end - 0.001);
      expect(c.end).toBeGreaterThan(c.start);
      expect(c.end).toBeLessThanOrEqual(video.duration);
    }
    // The captions are the narration, word for word and in order: every sentence of the script.
    const words = (t: string) =>
      t.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").split(/\s+/).filter(Boolean);
    const narration = narrationSegments(video).map(segmentText).join(" ");
    expect(words(cues.map((c) => c.text).join(" "))).toEqual(words(narration));
    for (const sentence of splitSentences(video.script ?? "")) expect(narration).toContain(sentence);
    const chapters = parseVtt((await get(video.media.chaptersUrl!)).body.toString("utf8"));
    expect(chapters.map((c) => c.text)).toEqual(video.keyPoints.map((k) => k.replace(/\s+/g, " ").trim()));
    expect(chapters.map((c) => c.start)).toEqual(video.timestamps);
    for (const c of chapters) expect(c.end).toBeLessThanOrEqual(video.duration);
    // A key point's caption starts where its chapter does: the same clock.
    for (const t of video.timestamps) expect(cues.some((c) => Math.abs(c.start - t) < 0.01)).toBe(true);
  });

  it("shows each key point's slide from its timestamp on, when its voice starts, and not a moment before", async () => {
    const { file, video } = await renderOnce();
    const segments = narrationSegments(video);
    const stream = (await ffprobe(file)).streams.find((x) => x.codec_type === "video")!;
    const [num, den] = (stream.r_frame_rate ?? "0/1").split("/").map(Number);
    const fps = num / den;
    expect(fps).toBeGreaterThan(0);
    const audio = await audioTrack(file);
    for (const [i, t] of video.timestamps.entries()) {
      const expected = await pngRgb(await drawScene(keyPointSlide(video, segments, i)), join(dir, `slide-${i}.png`));
      const at = await frameAt(file, t, fps);
      const before = await frameAt(file, t - 0.01, fps);
      // Same slide: only H.264/YUV 4:2:0 rounding (~1.4 of 255). Another slide: its text differs (~8+).
      const same = pixelDistance(at, expected);
      expect(same).toBeLessThan(3);
      expect(pixelDistance(before, expected)).toBeGreaterThan(3 * same);
      // Quiet just before the key point, speech right after it.
      expect(audio.rms(t - 0.3, t - 0.05)).toBeLessThan(0.01);
      expect(audio.rms(t + 0.05, t + 0.8)).toBeGreaterThan(0.02);
    }
  });

  it("opens on the title card in the subject's colour, builds each slide up bullet by bullet, and ends on the recap", async () => {
    const { file, video } = await renderOnce();
    const segments = narrationSegments(video);
    const fps = 2;
    const frame = async (t: number) => frameAt(file, t, fps);
    const draw = async (scene: Scene, name: string) => pngRgb(await drawScene(scene), join(dir, `${name}.png`));
    const common = { title: video.title, subject: video.subject };
    const title = await draw(
      { ...common, kind: "title", difficulty: video.difficulty, points: video.keyPoints.length },
      "title",
    );
    const otherSubject = await draw(
      { ...common, subject: "HISTORY", kind: "title", difficulty: video.difficulty, points: video.keyPoints.length },
      "title-history",
    );
    const atStart = await frame(0);
    expect(pixelDistance(atStart, title)).toBeLessThan(3);
    expect(pixelDistance(atStart, otherSubject)).toBeGreaterThan(10 * pixelDistance(atStart, title));
    const recap = await draw({ ...common, kind: "recap", keyPoints: video.keyPoints }, "recap");
    expect(pixelDistance(await frame(video.duration - 0.5), recap)).toBeLessThan(3);
    // A key point with two or more bullets: by the end of its segment every bullet is on the slide.
    // (Not the last one: its chapter runs on through the recap.)
    const built = video.timestamps.slice(0, -1).findIndex((_, i) => {
      const slide = keyPointSlide(video, segments, i);
      return slide.kind === "point" && slide.bullets.length >= 2;
    });
    expect(built).toBeGreaterThanOrEqual(0);
    const first = keyPointSlide(video, segments, built);
    if (first.kind !== "point") throw new Error("not a point slide");
    const full = await draw({ ...first, shown: first.bullets.length }, `slide-${built}-full`);
    const segmentEnd = video.timestamps[built + 1];
    const opening = await draw(first, `slide-${built}-opening`);
    const early = await frame(video.timestamps[built]);
    const late = await frame(segmentEnd - 0.5);
    expect(pixelDistance(late, full)).toBeLessThan(3);
    // A bullet is a small share of the picture: tell the two apart by which drawing each frame is nearer.
    expect(pixelDistance(early, opening)).toBeLessThan(pixelDistance(early, full));
    expect(pixelDistance(late, full)).toBeLessThan(pixelDistance(late, opening));
  });
});

/** faststart: the `moov` index comes before the `mdat` data, so playback starts before the download ends. */
function r_moovBeforeMdat(mp4: Buffer): boolean {
  return mp4.indexOf("moov") > 0 && mp4.indexOf("moov") < mp4.indexOf("mdat");
}

describe("serving the MP4", () => {
  it("answers Range requests: first bytes, a middle range, an open range, a suffix, and 416 past the end", async () => {
    const { video, mp4 } = await renderOnce();
    const url = video.media.mp4Url!;
    const size = mp4.length;
    const whole = await get(url);
    expect(whole.res.headers.get("accept-ranges")).toBe("bytes");
    expect(whole.res.headers.get("content-type")).toBe("video/mp4");
    expect(whole.res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const cases: Array<[string, number, number]> = [
      ["bytes=0-99", 0, 99],
      [
        `bytes=${Math.floor(size / 2)}-${Math.floor(size / 2) + 4095}`,
        Math.floor(size / 2),
        Math.floor(size / 2) + 4095,
      ],
      [`bytes=${size - 500}-`, size - 500, size - 1],
      ["bytes=-100", size - 100, size - 1],
      [`bytes=${size - 10}-${size + 1000}`, size - 10, size - 1],
    ];
    for (const [range, start, end] of cases) {
      const part = await get(url, { range });
      expect(part.res.status, range).toBe(206);
      expect(part.res.headers.get("content-range")).toBe(`bytes ${start}-${end}/${size}`);
      expect(Number(part.res.headers.get("content-length"))).toBe(end - start + 1);
      expect(part.body.equals(mp4.subarray(start, end + 1))).toBe(true);
    }
    const past = await get(url, { range: `bytes=${size}-` });
    expect(past.res.status).toBe(416);
    expect(past.res.headers.get("content-range")).toBe(`bytes */${size}`);
    expect(past.res.headers.get("content-type")).toMatch(/problem\+json/);
    // A stale If-Range (the client's copy is of another version) gets the whole current file.
    expect((await get(url, { range: "bytes=0-99", "if-range": '"1-1"' })).res.status).toBe(200);
  });

  it("a PRIVATE lesson's files are 404 to others and anonymous callers, and private-cacheable for its creator", async () => {
    const { owner, video } = await renderOnce();
    expect(
      (await s.api("PATCH", `/videos/${video.id}`, { token: owner.token, body: { status: "PRIVATE" } })).status,
    ).toBe(200);
    try {
      const other = await makeUser(s);
      for (const url of [video.media.mp4Url!, video.media.captionsUrl!, video.media.chaptersUrl!]) {
        expect((await get(url)).res.status).toBe(404);
        expect((await get(url, { authorization: `Bearer ${other.token}` })).res.status).toBe(404);
        const mine = await get(url, { authorization: `Bearer ${owner.token}`, range: "bytes=0-9" });
        expect(mine.res.status).toBe(206);
        expect(mine.res.headers.get("cache-control")).toMatch(/^private/);
      }
    } finally {
      await s.api("PATCH", `/videos/${video.id}`, { token: owner.token, body: { status: "PUBLIC" } });
    }
  });

  it("a lesson without a video yet, or an unknown one, is 404; a bad id is 400 naming it", async () => {
    const owner = await makeUser(s);
    const [row] = await s.ctx.db.query<{ id: string }>(
      "insert into public.videos (title, subject, difficulty, topic, created_by, status) values ('No video', 'MATH', 'BEGINNER', 'x', $1, 'PUBLIC') returning id",
      [owner.id],
    );
    expect((await get(`/api/v1/videos/${row.id}/video.mp4`)).res.status).toBe(404);
    expect((await get("/api/v1/videos/00000000-0000-4000-8000-000000000000/captions.vtt")).res.status).toBe(404);
    const bad = await get("/api/v1/videos/not-a-uuid/video.mp4");
    expect(bad.res.status).toBe(400);
    expect(JSON.parse(bad.body.toString()).errors[0].path).toBe("id");
  });
});

describe("deleting the lesson", () => {
  it("removes its video files from storage", async () => {
    const { owner, video } = await renderOnce();
    expect(await s.ctx.storage.stat(`videos/${video.id}/video.mp4`)).not.toBeNull();
    expect((await s.api("DELETE", `/videos/${video.id}`, { token: owner.token })).status).toBe(204);
    for (const f of ["video.mp4", "captions.vtt", "chapters.vtt"])
      expect(await s.ctx.storage.stat(`videos/${video.id}/${f}`)).toBeNull();
    expect((await get(video.media.mp4Url!)).res.status).toBe(404);
  });
});
