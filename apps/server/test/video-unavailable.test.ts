// Without a speech engine or an encoder the lesson still publishes; its video says plainly why
// there is none and what to install. The contract's other new surface (OpenAPI) is checked here too.
import type { Video } from "@lm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../src/config.js";
import { detectRenderCapability } from "../src/media/render/capability.js";
import { CELL_NOTES } from "./fixtures/cell-notes.js";
import { makeUser, type TestServer, startTestServer, waitFor } from "./harness.js";

let s: TestServer;
beforeAll(async () => {
  // A worker whose FFMPEG_PATH points nowhere: speech is there, the encoder is not.
  s = await startTestServer({ video: { ...testConfig().video, render: true, ffmpegPath: "/nonexistent/ffmpeg" } });
});
afterAll(() => s.stop());

describe("a server that cannot render", () => {
  it("publishes the lesson as slides; media is UNAVAILABLE, naming FFmpeg and how to install it", async () => {
    const owner = await makeUser(s);
    const created = await s.api("POST", "/videos", {
      token: owner.token,
      body: { topic: "Cells", subject: "BIOLOGY", difficulty: "BEGINNER", sourceText: CELL_NOTES },
    });
    expect(created.body.media).toMatchObject({ status: "PENDING", mp4Url: null });
    const v = await waitFor(async () => {
      const r = (await s.api("GET", `/videos/${created.body.id}`)).body as Video;
      return r.status === "PUBLIC" ? r : null;
    }, 30_000);
    expect(v.media).toMatchObject({
      status: "UNAVAILABLE",
      progress: 0,
      mp4Url: null,
      captionsUrl: null,
      chaptersUrl: null,
      failureCode: "encoder_unavailable",
    });
    expect(v.media.failureReason).toMatch(/apt install ffmpeg.*FFMPEG_PATH/);
    expect(v.videoUrl).toBeNull();
    expect(v.keyPoints.length).toBeGreaterThan(0);
    expect((await fetch(`${s.url}/api/v1/videos/${v.id}/video.mp4`)).status).toBe(404);
  });

  it("with no speech engine and no encoder on the PATH, the reason names both packages", async () => {
    const path = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      const cap = await detectRenderCapability({ ...testConfig().video, render: true });
      expect(cap.renderer).toBeNull();
      expect(cap.unavailable?.code).toBe("speech_unavailable");
      expect(cap.unavailable?.reason).toMatch(/install espeak-ng.*TTS_BASE_URL.*install FFmpeg/);
    } finally {
      process.env.PATH = path;
    }
    const on = await detectRenderCapability({ ...testConfig().video, render: true });
    expect(on.renderer?.speech.engine).toBe("espeak-ng");
    const off = await detectRenderCapability(testConfig().video);
    expect(off.unavailable).toMatchObject({ code: "render_disabled" });
  });

  it("a lesson whose writing failed has no video to wait for", async () => {
    const owner = await makeUser(s);
    const created = await s.api("POST", "/videos", {
      token: owner.token,
      body: { topic: "A topic with no notes", subject: "HISTORY", difficulty: "BEGINNER" },
    });
    const v = await waitFor(async () => {
      const r = (await s.api("GET", `/videos/${created.body.id}`, { token: owner.token })).body as Video;
      return r.status === "FAILED" ? r : null;
    }, 30_000);
    expect(v.media.status).toBe("UNAVAILABLE");
  });
});

describe("the OpenAPI document", () => {
  it("describes VideoMedia on Video and the three file endpoints", async () => {
    const doc = await (await fetch(`${s.url}/api/v1/openapi.json`)).json();
    const video = doc.paths["/videos/{id}"].get.responses["200"].content["application/json"].schema;
    expect(video.properties.media.properties.status.enum).toEqual([
      "PENDING",
      "RENDERING",
      "READY",
      "FAILED",
      "UNAVAILABLE",
    ]);
    expect(video.required).toContain("media");
    const mp4 = doc.paths["/videos/{id}/video.mp4"].get;
    expect(Object.keys(mp4.responses["200"].content)).toEqual(["video/mp4"]);
    expect(mp4.responses["206"]).toBeDefined();
    expect(Object.keys(doc.paths["/videos/{id}/captions.vtt"].get.responses["200"].content)).toEqual(["text/vtt"]);
    expect(doc.paths["/videos/{id}/chapters.vtt"]).toBeDefined();
  });
});
