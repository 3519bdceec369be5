// Grounding (issue 17 item 6): key points of a lesson made from notes carry the span of the notes
// they came from; lessons without notes carry none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groundKeyPoint, groundKeyPoints } from "../src/ai/grounding.js";
import { contentStems } from "../src/ai/text.js";
import { NOTES } from "./fixtures/notes.js";
import { makeUser, type TestServer, startTestServer, waitFor } from "./harness.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

describe("groundKeyPoint", () => {
  it("an extractive key point gets the exact span it quotes", () => {
    const src = groundKeyPoint("The enzyme RuBisCO captures carbon dioxide at the start of the Calvin cycle.", NOTES);
    expect(src).not.toBeNull();
    expect(NOTES.slice(src?.start, src?.end)).toBe(src?.text);
    expect(src?.text).toBe("The enzyme RuBisCO captures carbon dioxide at the start of the Calvin cycle");
  });

  it("a reworded key point gets the sentence that says the same thing", () => {
    const src = groundKeyPoint("Chlorophyll in chloroplasts absorbs red and blue light", NOTES);
    expect(src?.text).toBe(
      "It takes place in the chloroplasts, which contain the green pigment chlorophyll that absorbs red and blue light.",
    );
    expect(NOTES.slice(src?.start, src?.end)).toBe(src?.text);
  });

  it("a point the notes do not support has no source", () => {
    expect(groundKeyPoint("The French Revolution began in 1789 with the storming of the Bastille", NOTES)).toBeNull();
    expect(groundKeyPoints(["anything"], null)).toBeNull();
  });
});

describe("GET /videos/:id keyPointSources", () => {
  it("a lesson generated from notes: one source per key point, each quoting the notes at its offsets", async () => {
    const u = await makeUser(s);
    const res = await s.api("POST", "/videos", {
      token: u.token,
      body: { topic: "Photosynthesis", subject: "BIOLOGY", difficulty: "BEGINNER", sourceText: NOTES },
    });
    expect(res.status).toBe(202);
    const v = await waitFor(async () => {
      const r = await s.api("GET", `/videos/${res.body.id}`, { token: u.token });
      return r.body.status === "PUBLIC" ? r.body : null;
    }, 30_000);
    expect(v.keyPointSources).toHaveLength(v.keyPoints.length);
    const grounded = v.keyPointSources.filter(Boolean);
    expect(grounded.length).toBeGreaterThan(0);
    v.keyPoints.forEach((kp: string, i: number) => {
      const src = v.keyPointSources[i];
      if (!src) return;
      expect(NOTES.slice(src.start, src.end)).toBe(src.text);
      // The quoted sentence shares meaning with the key point it grounds.
      const have = new Set(contentStems(src.text));
      expect(contentStems(kp).some((w) => have.has(w))).toBe(true);
    });
  });
});
