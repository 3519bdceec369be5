// Issue 15 item 6: watching lessons (player heartbeats) and finishing a quiz move study minutes
// and the streak; heartbeats count no more than the lesson's length a day, nor faster than real time.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDayKey } from "../src/planner/domain/stats.js";
import { SLACK_SEC } from "../src/study/watch.js";
import { makeUser, type TestServer, startTestServer } from "./harness.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

const QUIZ = [
  { question: "2 + 2?", choices: ["3", "4"], answerIndex: 1 },
  { question: "3 × 3?", choices: ["9", "6"], answerIndex: 0 },
];

async function lesson(ownerId: string, opts: { duration: number; status?: "PUBLIC" | "PRIVATE" }) {
  const [row] = await s.ctx.db.query<{ id: string }>(
    `insert into public.videos (title, subject, difficulty, topic, created_by, status, visibility, duration, quiz)
     values ('Sums', 'MATH', 'BEGINNER', 'Adding', $1, $2, $2, $3, $4) returning id`,
    [ownerId, opts.status ?? "PUBLIC", opts.duration, JSON.stringify(QUIZ)],
  );
  return row.id;
}

const beat = (token: string, id: string, secondsWatched: number, positionSec = 10) =>
  s.api("POST", `/videos/${id}/watch`, { token, body: { positionSec, secondsWatched } });

const stats = async (u: { id: string; token: string }) =>
  (await s.api("GET", `/users/${u.id}/stats`, { token: u.token })).body;

describe("study stats from watching and quizzes", () => {
  it("counts heartbeats up to the lesson's length and real time, on the student's local day", async () => {
    const leo = await makeUser(s);
    const maya = await makeUser(s);
    // UTC+14: her day is often not the server's.
    await s.api("PATCH", `/users/${maya.id}`, {
      token: maya.token,
      body: { preferences: { timeZone: "Pacific/Kiritimati" } },
    });
    const short = await lesson(leo.id, { duration: 100 });
    const long = await lesson(leo.id, { duration: 3600 });
    expect(await stats(maya)).toMatchObject({ studyMinutesThisWeek: 0, streakDays: 0 });

    // Duplicate/over-long beats on one lesson: 60 + 40, then nothing (100 s a day at most).
    const counted = [];
    for (let i = 0; i < 3; i++) counted.push((await beat(maya.token, short, 60)).body);
    expect(counted.map((c) => c.countedSec)).toEqual([60, 40, 0]);
    expect(counted[2]).toMatchObject({ todaySec: 100, capSec: 100 });
    // Faster than real time: the backlog (180 s) is spent, so more beats right away add ~nothing.
    const fast = [];
    for (let i = 0; i < 3; i++) fast.push((await beat(maya.token, long, 60)).body.countedSec as number);
    expect(fast[0]).toBe(60);
    expect(fast[2]).toBeLessThanOrEqual(SLACK_SEC + 3);
    const [row] = await s.ctx.db.query<{ day: string }>(
      "select day::text as day from public.watch_time where user_id = $1 and video_id = $2",
      [maya.id, short],
    );
    expect(row.day).toBe(localDayKey(new Date(), "Pacific/Kiritimati"));

    const after = await stats(maya);
    expect(after.streakDays).toBe(1);
    expect(after.studyMinutesThisWeek).toBeGreaterThanOrEqual(3);
    expect(after.studyMinutesThisWeek).toBeLessThanOrEqual(4);
  });

  it("counts a finished quiz (a minute a question), once", async () => {
    const leo = await makeUser(s);
    const sam = await makeUser(s);
    const id = await lesson(leo.id, { duration: 300 });
    const answer = (questionIndex: number) =>
      s.api("POST", `/videos/${id}/quiz-answers`, {
        token: sam.token,
        body: { questionIndex, choiceIndex: 0, clientId: randomUUID() },
      });
    expect((await answer(0)).status).toBe(201);
    expect(await stats(sam)).toMatchObject({ studyMinutesThisWeek: 0, streakDays: 0 }); // not finished yet
    await answer(1);
    await answer(1); // a re-answer adds nothing
    expect(await stats(sam)).toMatchObject({ studyMinutesThisWeek: 2, streakDays: 1 });
  });

  it("refuses bad beats with 400 naming the field, and another student's private lesson with 404", async () => {
    const leo = await makeUser(s);
    const maya = await makeUser(s);
    const open = await lesson(leo.id, { duration: 300 });
    for (const [body, field] of [
      [{ positionSec: 1, secondsWatched: 61 }, "secondsWatched"],
      [{ positionSec: 1, secondsWatched: 0 }, "secondsWatched"],
      [{ positionSec: 1, secondsWatched: 1.5 }, "secondsWatched"],
      [{ positionSec: -1, secondsWatched: 5 }, "positionSec"],
      [{ secondsWatched: 5 }, "positionSec"],
    ] as const) {
      const res = await s.api("POST", `/videos/${open}/watch`, { token: maya.token, body });
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
    }
    expect((await s.api("POST", `/videos/${open}/watch`, { body: { positionSec: 1, secondsWatched: 5 } })).status).toBe(
      401,
    );
    const hidden = await lesson(leo.id, { duration: 300, status: "PRIVATE" });
    const res = await beat(maya.token, hidden, 5);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect((await beat(leo.token, hidden, 5)).body.countedSec).toBe(5);
    expect((await beat(maya.token, randomUUID(), 5)).status).toBe(404);
  });
});
