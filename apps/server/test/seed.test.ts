// First-start samples: a demo account's hand-written lessons fill an empty feed, once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_LESSONS } from "../src/ai/samples.js";
import { seedSamples } from "../src/videos/seed.js";
import { type TestServer, startTestServer } from "./harness.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ seedDemo: true });
});
afterAll(() => s.stop());

describe("sample lessons", () => {
  it("are seeded on start: public, marked as samples, with thumbnails, owned by a demo account", async () => {
    const res = await s.api("GET", `/videos?limit=100`);
    const samples = res.body.items.filter((v: { isSample: boolean }) => v.isSample);
    expect(samples).toHaveLength(SAMPLE_LESSONS.length);
    expect(new Set(samples.map((v: { subject: string }) => v.subject)).size).toBeGreaterThanOrEqual(4);
    for (const v of samples) {
      expect(v.status).toBe("PUBLIC");
      expect(v.tags).toContain("sample");
      expect(v.createdBy.displayName).toBe("Little Monster samples");
      expect(v.keyPoints.length).toBe(v.timestamps.length);
      expect((await fetch(`${s.url}${v.thumbnailUrl}`)).headers.get("content-type")).toBe("image/png");
    }
  });

  it("are not seeded twice, and nobody can log in as the demo account", async () => {
    await seedSamples(s.ctx);
    const count = await s.ctx.db.query("select 1 from public.videos where is_sample");
    expect(count).toHaveLength(SAMPLE_LESSONS.length);
    const login = await s.api("POST", "/auth/login", {
      body: { email: "samples@littlemonster.local", password: "anything-at-all" },
    });
    expect(login.status).toBe(401);
  });
});
