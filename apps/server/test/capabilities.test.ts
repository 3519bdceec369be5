// GET /capabilities: what this server can do, so the apps adapt the lesson form before
// submitting (never by reading a failureReason). The test server runs the offline provider,
// which needs the student's notes, and renders no video (VIDEO_RENDER off in tests).
import { Capabilities } from "@lm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestServer, startTestServer } from "./harness.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

describe("GET /capabilities", () => {
  it("is public and says the offline provider needs notes, and why there is no video", async () => {
    const res = await s.api("GET", "/capabilities");
    expect(res.status).toBe(200);
    expect(Capabilities.parse(res.body)).toEqual(res.body);
    expect(res.body).toEqual({
      text: { provider: "offline", topicOnly: false },
      speech: null,
      video: { available: false, reason: expect.stringMatching(/VIDEO_RENDER/) },
    });
  });

  it("is described in the OpenAPI document", async () => {
    const doc = (await s.api("GET", "/openapi.json")).body as { paths: Record<string, { get?: unknown }> };
    expect(doc.paths["/capabilities"]?.get).toBeDefined();
  });
});
