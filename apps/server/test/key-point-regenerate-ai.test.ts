// The creator regenerates a reported key point with the AI model (issue 17 item 6): the model is an
// OpenAI-compatible server outside our system (a fake one here), and its answer passes the same
// gates as generated key points before it replaces the reported one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../src/config.js";
import { NOTES } from "./fixtures/notes.js";
import { makeUser, type TestServer, startTestServer } from "./harness.js";
import { startFakeLlm } from "./support/fake-llm.js";

let s: TestServer;
let llm: Awaited<ReturnType<typeof startFakeLlm>>;
beforeAll(async () => {
  llm = await startFakeLlm();
  s = await startTestServer({ llm: { ...testConfig().llm, baseUrl: llm.url, model: "test-model" } });
});
afterAll(async () => {
  await s?.stop();
  await llm?.close();
});

type User = Awaited<ReturnType<typeof makeUser>>;

const KEY_POINTS = [
  "Photosynthesis makes glucose from carbon dioxide and water using light",
  "The Calvin cycle happens in the mitochondria", // the inaccurate one
  "Limiting factors control the rate of photosynthesis",
];

async function makeLesson(owner: User) {
  const [row] = await s.ctx.db.query<{ id: string }>(
    `insert into public.videos (title, subject, difficulty, topic, created_by, status, source_text, key_points, timestamps)
     values ('Photosynthesis', 'BIOLOGY', 'BEGINNER', 'Photosynthesis', $1, 'PUBLIC', $2, $3, '{0,20,40}') returning id`,
    [owner.id, NOTES, KEY_POINTS],
  );
  return row.id;
}
const report = (u: User, id: string, body: unknown) => s.api("POST", `/videos/${id}/report`, { token: u.token, body });
const regenerate = (u: User, id: string, index: number) =>
  s.api("POST", `/videos/${id}/key-points/${index}/regenerate`, { token: u.token, body: { using: "ai" } });
const openReports = (id: string) =>
  s.ctx.db.query<{ key_point_index: number | null }>(
    "select key_point_index from public.video_reports where video_id = $1 and resolved_at is null order by key_point_index",
    [id],
  );

describe("POST /videos/:id/key-points/:index/regenerate with using: ai", () => {
  it("stores the model's corrected wording, grounded in the notes, and closes that key point's reports", async () => {
    const owner = await makeUser(s);
    const id = await makeLesson(owner);
    await report(await makeUser(s), id, { reason: "The Calvin cycle is in the stroma", keyPointIndex: 1 });
    await report(await makeUser(s), id, { reason: "off topic" });
    const wording = "The Calvin cycle takes place in the stroma and fixes carbon dioxide into glucose";
    llm.answerKeyPoint(wording);
    const res = await regenerate(owner, id, 1);
    expect(res.status).toBe(200);
    expect(res.body.keyPoints).toEqual([KEY_POINTS[0], wording, KEY_POINTS[2]]);
    // Not a quote of the notes, so it is grounded on the sentence it shares the most with.
    const src = res.body.keyPointSources[1];
    expect(src.text).toContain("The Calvin cycle takes place in the stroma");
    expect(NOTES.slice(src.start, src.end)).toBe(src.text);
    expect(await openReports(id)).toEqual([{ key_point_index: null }]);
    // The model saw the notes, which point was reported, and why.
    const prompt = llm.prompts().at(-1) ?? "";
    expect(prompt).toContain("RuBisCO");
    expect(prompt).toMatch(/2\. The Calvin cycle happens in the mitochondria\s+<- reported/);
    expect(prompt).toContain("The Calvin cycle is in the stroma");
  });

  it("an answer that fails the quality gate is a 422 and changes nothing", async () => {
    const owner = await makeUser(s);
    const id = await makeLesson(owner);
    await report(await makeUser(s), id, { reason: "wrong organelle", keyPointIndex: 1 });
    const bad = [
      "Dolphins are the largest mammals living in the Pacific ocean", // not in the notes
      "The Calvin cycle happens in the mitochondria.", // the reported wording again
      "Limiting factors control the rate of photosynthesis", // another key point
      "zx9q !!## 12kq ?? vv%% ++ ..", // not language
      "", // nothing
    ];
    for (const answer of bad) {
      llm.answerKeyPoint(answer);
      const res = await regenerate(owner, id, 1);
      expect(res.status, answer).toBe(422);
      expect(res.body.code).toBe("content_rejected");
      expect(res.body.detail).toMatch(/key point/);
    }
    const lesson = await s.api("GET", `/videos/${id}`, { token: owner.token });
    expect(lesson.body.keyPoints).toEqual(KEY_POINTS);
    expect(await openReports(id)).toEqual([{ key_point_index: 1 }]);
  });

  it("an unsuitable wording is rejected by moderation", async () => {
    const owner = await makeUser(s);
    const id = await makeLesson(owner);
    llm.answerKeyPoint("The fucking Calvin cycle takes place in the stroma with carbon dioxide");
    const res = await regenerate(owner, id, 1);
    expect(res.status).toBe(422);
    expect(res.body.detail).toMatch(/unsuitable/);
  });

  it("only the creator may ask the model", async () => {
    const id = await makeLesson(await makeUser(s));
    const before = llm.requests();
    expect((await regenerate(await makeUser(s), id, 1)).status).toBe(403);
    expect(llm.requests()).toBe(before);
  });
});
