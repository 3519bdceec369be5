// Review cards over HTTP: a lesson's cards, FSRS scheduling against ts-fsrs's published reference
// values, desired retention, the lesson → cards → reviews → due counts loop over simulated days (the
// service clock moved), idempotent offline replay, missed quiz questions, mastery and privacy.
import { randomUUID } from "node:crypto";
import { createEmptyCard, forgetting_curve, fsrs, type Grade, Rating } from "ts-fsrs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardsService } from "../src/cards/feature.js";
import { testConfig } from "../src/config.js";
import { makeUser, type TestServer, startTestServer } from "./harness.js";

let s: TestServer;
beforeAll(async () => {
  // Thirty simulated days of reviews take seconds of real time; the limiter is not under test here.
  const limits = testConfig().rateLimits;
  s = await startTestServer({ rateLimits: { ...limits, ipPerMinute: 100_000, userPerMinute: 100_000 } });
});
afterAll(() => s.stop());

type User = Awaited<ReturnType<typeof makeUser>>;
const DAY = 86_400_000;
let clock = Date.parse("2022-12-29T12:30:00Z");
const setClock = (t: number) => {
  clock = t;
  cardsService(s.ctx).now = () => new Date(clock);
};

const QUIZ = [
  {
    question: "Which pigment absorbs light?",
    choices: ["Chlorophyll", "Keratin", "Insulin"],
    answerIndex: 0,
    explanation: "Chlorophyll absorbs red and blue light.",
    at: 12,
    keyPointIndex: 0,
  },
  { question: "What gas do plants release?", choices: ["Nitrogen", "Oxygen"], answerIndex: 1, keyPointIndex: 2 },
];

async function insertLesson(by: string, status = "PUBLIC") {
  const [row] = await s.ctx.db.query<{ id: string }>(
    `insert into public.videos (title, subject, difficulty, topic, created_by, status, visibility, key_points, timestamps, quiz)
     values ('Photosynthesis', 'BIOLOGY', 'BEGINNER', 'Photosynthesis', $1, $2, $3, $4, $5, $6) returning id`,
    [
      by,
      status,
      status === "PRIVATE" ? "PRIVATE" : "PUBLIC",
      [
        "Chlorophyll in the leaves absorbs red and blue light",
        "Light energy splits water into hydrogen and oxygen",
        "Plants release the oxygen through their stomata",
      ],
      [12, 40, 75],
      JSON.stringify(QUIZ),
    ],
  );
  return row.id;
}

const review = (u: User, cardId: string, body: Record<string, unknown>) =>
  s.api("POST", `/cards/${cardId}/review`, { token: u.token, body: { clientId: randomUUID(), ...body } });

async function deck(u: User, videoId: string) {
  const res = await s.api("POST", `/cards/from-lesson/${videoId}`, { token: u.token });
  expect([200, 201]).toContain(res.status);
  return res.body;
}

describe("cards from a lesson", () => {
  it("needs a token", async () => {
    expect((await s.api("GET", "/cards/due")).status).toBe(401);
    expect((await s.api("POST", `/cards/from-lesson/${randomUUID()}`)).status).toBe(401);
  });

  it("adds each key point and quiz question once, linked to the lesson's second; adding again duplicates nothing", async () => {
    setClock(Date.parse("2030-01-01T09:00:00Z"));
    const a = await makeUser(s);
    const videoId = await insertLesson(a.id);
    const first = await s.api("POST", `/cards/from-lesson/${videoId}`, { token: a.token });
    expect(first.status).toBe(201);
    expect(first.body.added).toBe(5);
    const cards = first.body.cards;
    expect(
      cards.map((c: { kind: string; itemIndex: number; atSecond: number }) => [c.kind, c.itemIndex, c.atSecond]),
    ).toEqual([
      ["KEY_POINT", 0, 12],
      ["KEY_POINT", 1, 40],
      ["KEY_POINT", 2, 75],
      ["QUIZ", 0, 12],
      ["QUIZ", 1, 75],
    ]);
    expect(cards[0]).toMatchObject({ videoId, videoTitle: "Photosynthesis", state: "new", origin: "LESSON" });
    expect(cards[0].back).toBe("Chlorophyll in the leaves absorbs red and blue light");
    expect(cards[3]).toMatchObject({ front: "Which pigment absorbs light?" });
    expect(cards[3].back).toContain("Chlorophyll");
    expect(first.body.counts).toEqual({ due: 5, overdue: 0, new: 5, total: 5, nextDueAt: null });

    const again = await s.api("POST", `/cards/from-lesson/${videoId}`, { token: a.token });
    expect(again.status).toBe(200);
    expect(again.body.added).toBe(0);
    expect(again.body.cards.map((c: { id: string }) => c.id)).toEqual(cards.map((c: { id: string }) => c.id));
    expect(again.body.counts.total).toBe(5);
  });

  it("refuses a lesson that is not there, not yours to see, or not published", async () => {
    const a = await makeUser(s);
    const b = await makeUser(s);
    const bPrivate = await insertLesson(b.id, "PRIVATE");
    const aPending = await insertLesson(a.id, "PENDING");
    expect((await s.api("POST", `/cards/from-lesson/${randomUUID()}`, { token: a.token })).status).toBe(404);
    expect((await s.api("POST", `/cards/from-lesson/${bPrivate}`, { token: a.token })).status).toBe(404);
    expect((await s.api("POST", `/cards/from-lesson/${aPending}`, { token: a.token })).status).toBe(409);
    const bad = await s.api("POST", "/cards/from-lesson/not-a-uuid", { token: a.token });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain("videoId");
  });
});

describe("reviews", () => {
  it.each([
    [{ rating: "perfect" }, "rating"],
    [{ rating: 3 }, "rating"],
    [{ clientId: "x" }, "clientId"],
    [{ reviewedAt: "yesterday" }, "reviewedAt"],
    [{ reviewedAt: "2099-01-01T00:00:00Z" }, "reviewedAt"],
    [{ stability: 100 }, "stability"],
  ])("refuses %j with a 400 naming %s", async (patch, field) => {
    setClock(Date.parse("2030-01-01T09:00:00Z"));
    const a = await makeUser(s);
    const { cards } = await deck(a, await insertLesson(a.id));
    const res = await review(a, cards[0].id, { rating: "good", ...patch });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
  });

  it("schedules like ts-fsrs's FSRS-6 reference history (intervals after each rating)", async () => {
    // ts-fsrs __tests__/FSRS-6.test.ts "ivl_history": these weights, these ratings, each review at the due time.
    const w = [
      0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629,
      1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ];
    const G = "good";
    const A = "again";
    const ratings = [G, G, G, G, G, G, A, A, G, G, G, G, G];
    setClock(Date.parse("2022-12-29T12:30:00Z"));
    const a = await makeUser(s);
    expect((await s.api("PATCH", "/cards/settings", { token: a.token, body: { weights: w } })).status).toBe(200);
    const { cards } = await deck(a, await insertLesson(a.id));
    const intervals: number[] = [];
    // The same history straight through the library, to compare stability too.
    const f = fsrs({ w });
    let ref = createEmptyCard(new Date(clock));
    for (const rating of ratings) {
      const res = await review(a, cards[0].id, { rating });
      expect(res.status).toBe(200);
      intervals.push(res.body.card.scheduledDays);
      ref = f.next(ref, new Date(clock), rating === G ? Rating.Good : Rating.Again).card;
      expect(res.body.card.stability).toBeCloseTo(ref.stability, 6);
      expect(res.body.card.difficulty).toBeCloseTo(ref.difficulty, 6);
      expect(res.body.card.due).toBe(ref.due.toISOString());
      setClock(Date.parse(res.body.card.due));
    }
    expect(intervals).toEqual([0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21]);
  });

  it("reaches ts-fsrs's reference memory state (fsrs-rs inference values)", async () => {
    const w = [
      0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629,
      1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ];
    const start = Date.parse("2022-12-29T12:30:00Z");
    setClock(start);
    const a = await makeUser(s);
    await s.api("PATCH", "/cards/settings", { token: a.token, body: { weights: w } });
    const { cards } = await deck(a, await insertLesson(a.id));
    const steps: Array<[string, number]> = [
      ["again", 0],
      ["good", 0],
      ["good", 1],
      ["good", 3],
      ["good", 8],
      ["good", 21],
    ];
    let t = start;
    let last: { stability: number; difficulty: number } | undefined;
    for (const [rating, days] of steps) {
      t += days * DAY;
      setClock(t);
      last = (await review(a, cards[1].id, { rating })).body.card;
    }
    expect(last?.stability).toBeCloseTo(53.62691, 4);
    expect(last?.difficulty).toBeCloseTo(6.3574867, 4);
  });

  it("honours each student's desired retention", async () => {
    setClock(Date.parse("2030-01-01T09:00:00Z"));
    const intervals: Record<string, number> = {};
    for (const retention of [0.8, 0.9, 0.95]) {
      const a = await makeUser(s);
      if (retention !== 0.9) {
        const set = await s.api("PATCH", "/cards/settings", { token: a.token, body: { desiredRetention: retention } });
        expect(set.body).toEqual({
          desiredRetention: retention,
          weights: null,
          optimizedAt: null,
          optimizedReviews: null,
        });
      } else {
        expect((await s.api("GET", "/cards/settings", { token: a.token })).body.desiredRetention).toBe(0.9);
      }
      const { cards } = await deck(a, await insertLesson(a.id));
      // Easy on a new card goes straight to review, scheduled by stability and retention alone.
      const card = (await review(a, cards[0].id, { rating: "easy" })).body.card;
      const f = fsrs({ request_retention: retention });
      const expected = f.next(createEmptyCard(new Date(clock)), new Date(clock), Rating.Easy).card;
      expect(card.scheduledDays).toBe(expected.scheduled_days);
      // At the due date the predicted recall is the retention asked for (up to whole-day rounding).
      const r = forgetting_curve(f.parameters.w, card.scheduledDays, card.stability);
      expect(Math.abs(r - retention)).toBeLessThan(0.02);
      intervals[retention] = card.scheduledDays;
    }
    expect(intervals[0.8]).toBeGreaterThan(intervals[0.9]);
    expect(intervals[0.9]).toBeGreaterThan(intervals[0.95]);
  });

  it.each([
    [{ desiredRetention: 0.5 }, "desiredRetention"],
    [{ desiredRetention: 1 }, "desiredRetention"],
    [{ weights: [1, 2, 3] }, "weights"],
    [{ retention: 0.9 }, "retention"],
  ])("refuses settings %j with a 400 naming %s", async (body, field) => {
    const a = await makeUser(s);
    const res = await s.api("PATCH", "/cards/settings", { token: a.token, body });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
  });

  it("records a replayed review once; a clientId reused on another card is a conflict", async () => {
    setClock(Date.parse("2030-01-01T09:00:00Z"));
    const a = await makeUser(s);
    const { cards } = await deck(a, await insertLesson(a.id));
    const clientId = randomUUID();
    const first = await review(a, cards[0].id, { rating: "good", clientId });
    expect(first.body).toMatchObject({ replayed: false, card: { reps: 1 } });
    setClock(clock + 2 * DAY);
    const replay = await review(a, cards[0].id, { rating: "good", clientId });
    expect(replay.status).toBe(200);
    expect(replay.body.replayed).toBe(true);
    expect(replay.body.card).toMatchObject({ reps: 1, due: first.body.card.due });
    const logged = await s.ctx.db.query("select 1 from public.review_log where card_id = $1", [cards[0].id]);
    expect(logged).toHaveLength(1);
    const other = await review(a, cards[1].id, { rating: "good", clientId });
    expect(other.status).toBe(409);
    expect(other.body.errors.map((e: { path: string }) => e.path)).toContain("clientId");
  });

  it("rebuilds a card from the whole log when an offline review arrives late", async () => {
    const t0 = Date.parse("2030-01-01T09:00:00Z");
    setClock(t0);
    const a = await makeUser(s);
    const { cards } = await deck(a, await insertLesson(a.id));
    const at = [t0, t0 + DAY, t0 + 3 * DAY];
    const grades: Grade[] = [Rating.Good, Rating.Good, Rating.Hard];
    setClock(t0 + 4 * DAY);
    // Arrives out of order: the third and first from one device, then the second from another.
    for (const i of [2, 0, 1]) {
      const rating = ["", "again", "hard", "good", "easy"][grades[i]];
      const res = await review(a, cards[0].id, { rating, reviewedAt: new Date(at[i]).toISOString() });
      expect(res.status).toBe(200);
    }
    const f = fsrs({});
    let ref = createEmptyCard(new Date(t0));
    for (const i of [0, 1, 2]) ref = f.next(ref, new Date(at[i]), grades[i]).card;
    const got = (await s.api("GET", `/cards/${cards[0].id}`, { token: a.token })).body;
    expect(got).toMatchObject({ reps: 3, due: ref.due.toISOString(), lastReview: new Date(at[2]).toISOString() });
    expect(got.stability).toBeCloseTo(ref.stability, 6);
    const log = await s.ctx.db.query<{ rating: number; state: number; elapsed_days: number }>(
      "select rating, state, elapsed_days from public.review_log where card_id = $1 order by reviewed_at",
      [cards[0].id],
    );
    expect(log.map((l) => l.rating)).toEqual([3, 3, 2]);
  });
});

describe("the study loop over simulated days", () => {
  it("lesson → cards → reviews → due and overdue counts → mastery", async () => {
    const t0 = Date.parse("2030-03-01T08:00:00Z");
    setClock(t0);
    const a = await makeUser(s);
    const videoId = await insertLesson(a.id);
    const { cards } = await deck(a, videoId);
    const ids: string[] = cards.map((c: { id: string }) => c.id);
    const due = async () => (await s.api("GET", "/cards/due", { token: a.token })).body;

    const dueAt = new Map<string, number>(ids.map((id) => [id, t0]));
    const reviewsPerDay: number[] = [];
    for (let day = 0; day < 30; day++) {
      setClock(t0 + day * DAY);
      // Review everything due today, including learning steps that come back within minutes.
      let n = 0;
      let missed = false;
      // The day's count is exactly the cards whose last answer scheduled them for now or earlier.
      const expected = [...dueAt.values()].filter((t) => t <= clock).length;
      expect((await due()).counts.due).toBe(expected);
      for (;;) {
        const q = await due();
        if (q.counts.due === 0) break;
        expect(q.items).toHaveLength(q.counts.due);
        for (const c of q.items) {
          // The second key point is hard to remember: the student misses it at first sight each day.
          const rating = c.id === ids[1] && !missed ? "again" : "good";
          if (c.id === ids[1]) missed = true;
          const res = await review(a, c.id, { rating });
          expect(res.status).toBe(200);
          dueAt.set(c.id, Date.parse(res.body.card.due));
          n++;
        }
        setClock(clock + 11 * 60_000);
      }
      // Nothing due now: the counts name the moment the next card comes due, for clients to refetch at.
      const ahead = [...dueAt.values()].filter((t) => t > clock);
      expect((await due()).counts.nextDueAt).toBe(new Date(Math.min(...ahead)).toISOString());
      reviewsPerDay.push(n);
    }
    // Day 0 reviews all five (plus learning steps); later days review only what came due.
    expect(reviewsPerDay[0]).toBeGreaterThanOrEqual(5);
    expect(reviewsPerDay.slice(20).reduce((x, y) => x + y, 0)).toBeLessThan(reviewsPerDay[0] * 10);
    expect(reviewsPerDay.filter((n) => n === 0).length).toBeGreaterThan(10); // spaced: many quiet days

    // Ten days away: cards pile up and become overdue.
    setClock(t0 + 45 * DAY);
    const later = await due();
    expect(later.counts.total).toBe(5);
    expect(later.counts.new).toBe(0);
    expect(later.counts.due).toBeGreaterThan(0);
    expect(later.counts.overdue).toBeGreaterThan(0);
    expect(later.counts.overdue).toBeLessThanOrEqual(later.counts.due);
    // Most overdue first.
    const dues = later.items.map((c: { due: string }) => Date.parse(c.due));
    expect(dues).toEqual([...dues].sort((x, y) => x - y));

    const m = (await s.api("GET", "/cards/mastery", { token: a.token })).body;
    expect(m.lessons).toHaveLength(1);
    const lesson = m.lessons[0];
    expect(lesson).toMatchObject({ videoId, subject: "BIOLOGY", cards: 5, reviewed: 5, weakestCardId: ids[1] });
    expect(lesson.mastery).toBeGreaterThan(0);
    expect(lesson.mastery).toBeLessThan(1);
    expect(m.subjects).toEqual([{ subject: "BIOLOGY", lessons: 1, cards: 5, mastery: lesson.mastery }]);
  });
});

describe("quiz answers", () => {
  it("turns a wrong answer into a card once, at the question's second; a right one adds nothing", async () => {
    setClock(Date.parse("2030-01-01T09:00:00Z"));
    const a = await makeUser(s);
    const videoId = await insertLesson(a.id);
    const answer = (body: Record<string, unknown>) =>
      s.api("POST", `/videos/${videoId}/quiz-answers`, { token: a.token, body: { clientId: randomUUID(), ...body } });
    const right = await answer({ questionIndex: 0, choiceIndex: 0 });
    expect(right.status).toBe(201);
    expect(right.body).toMatchObject({ correct: true, answerIndex: 0, card: null });

    const clientId = randomUUID();
    const wrong = await answer({ questionIndex: 1, choiceIndex: 0, clientId });
    expect(wrong.status).toBe(201);
    expect(wrong.body).toMatchObject({
      correct: false,
      answerIndex: 1,
      card: { kind: "QUIZ", itemIndex: 1, origin: "MISSED_QUIZ", atSecond: 75, front: "What gas do plants release?" },
    });
    const replay = await answer({ questionIndex: 1, choiceIndex: 0, clientId });
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ replayed: true, card: { id: wrong.body.card.id } });
    const wrongAgain = await answer({ questionIndex: 1, choiceIndex: 0 });
    expect(wrongAgain.body.card.id).toBe(wrong.body.card.id);

    // Adding the lesson later keeps the missed card and adds the rest.
    const added = await s.api("POST", `/cards/from-lesson/${videoId}`, { token: a.token });
    expect(added.body.added).toBe(4);
    expect(added.body.counts.total).toBe(5);

    const m = (await s.api("GET", "/cards/mastery", { token: a.token })).body;
    expect(m.lessons[0]).toMatchObject({ quizAnswered: 3, quizCorrect: 1 });
  });

  it.each([
    [{ questionIndex: 2, choiceIndex: 0 }, "questionIndex"],
    [{ questionIndex: 1, choiceIndex: 2 }, "choiceIndex"],
    [{ questionIndex: -1, choiceIndex: 0 }, "questionIndex"],
    [{ questionIndex: 0 }, "choiceIndex"],
    [{ questionIndex: 0, choiceIndex: 0, clientId: "nope" }, "clientId"],
  ])("refuses %j with a 400 naming %s", async (body, field) => {
    const a = await makeUser(s);
    const videoId = await insertLesson(a.id);
    const res = await s.api("POST", `/videos/${videoId}/quiz-answers`, {
      token: a.token,
      body: { clientId: randomUUID(), ...body },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
  });
});

describe("privacy", () => {
  it("another student's cards, reviews and mastery are not found", async () => {
    setClock(Date.parse("2030-01-01T09:00:00Z"));
    const a = await makeUser(s);
    const b = await makeUser(s);
    const { cards } = await deck(a, await insertLesson(a.id));
    await review(a, cards[0].id, { rating: "good" });
    expect((await s.api("GET", `/cards/${cards[0].id}`, { token: b.token })).status).toBe(404);
    expect((await review(b, cards[0].id, { rating: "easy" })).status).toBe(404);
    expect((await s.api("DELETE", `/cards/${cards[0].id}`, { token: b.token })).status).toBe(404);
    const bDue = (await s.api("GET", "/cards/due", { token: b.token })).body;
    expect(bDue).toEqual({ counts: { due: 0, overdue: 0, new: 0, total: 0, nextDueAt: null }, items: [] });
    expect((await s.api("GET", "/cards/mastery", { token: b.token })).body).toEqual({ lessons: [], subjects: [] });
    // A's card is untouched by B's attempts.
    const mine = await s.api("GET", `/cards/${cards[0].id}`, { token: a.token });
    expect(mine.body.reps).toBe(1);
    expect((await s.api("DELETE", `/cards/${cards[0].id}`, { token: a.token })).status).toBe(204);
  });
});
