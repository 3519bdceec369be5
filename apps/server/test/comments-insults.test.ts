// Issue 15 item 5 end to end: an insult aimed at the lesson's creator is held (hidden, FLAGGED)
// and its author is told why; other students don't see it; study phrases stay visible.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser, type TestServer, startTestServer } from "./harness.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

async function makeVideo(ownerId: string) {
  const [row] = await s.ctx.db.query<{ id: string }>(
    `insert into public.videos (title, subject, difficulty, topic, created_by, status)
     values ('Calculus', 'MATH', 'BEGINNER', 'Limits', $1, 'PUBLIC') returning id`,
    [ownerId],
  );
  return row.id;
}

describe("insults in comments", () => {
  it("'whoever made it is an idiot' is held for review; its author sees why, others see nothing", async () => {
    const owner = await makeUser(s);
    const author = await makeUser(s);
    const video = await makeVideo(owner.id);
    const text = "This is stupid and whoever made it is an idiot";
    const res = await s.api("POST", "/comments", { token: author.token, body: { videoId: video, text } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ isHidden: true, moderationStatus: "FLAGGED" });
    expect(res.body.moderationReason).toMatch(/insult a person/);
    const mine = await s.api("GET", `/comments?videoId=${video}`, { token: author.token });
    expect(mine.body.items[0]).toMatchObject({ text, moderationReason: expect.stringMatching(/insult/) });
    const theirs = await s.api("GET", `/comments?videoId=${video}`, { token: owner.token });
    expect(theirs.body.items).toEqual([]);
  });

  it.each(["The Complete Idiot's Guide to Calculus covers this too", "Stupid mistake I made: I dropped a minus sign"])(
    "%j stays visible",
    async (text) => {
      const owner = await makeUser(s);
      const author = await makeUser(s);
      const video = await makeVideo(owner.id);
      const res = await s.api("POST", "/comments", { token: author.token, body: { videoId: video, text } });
      expect(res.body).toMatchObject({ isHidden: false, moderationStatus: "APPROVED" });
    },
  );
});
