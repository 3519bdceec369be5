// Personal FSRS weights (POST /cards/optimize): a real review history simulated with ts-fsrs is fitted by
// the optimiser (fsrs-rs in its own process), the weights are stored and the student's next reviews are
// scheduled with them. Too short a history is refused with a problem naming why; the read is bounded.
import { randomUUID } from "node:crypto";
import { createEmptyCard, default_w, fsrs, type Grade, Rating } from "ts-fsrs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardsService } from "../src/cards/feature.js";
import { testConfig } from "../src/config.js";
import { makeUser, type TestServer, startTestServer } from "./harness.js";
import { insertCards, insertLog, simulate } from "./support/review-history.js";

const MIN = 400;
const MAX = 1000;
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ cardsOptimizer: { ...testConfig().cardsOptimizer, minReviews: MIN, maxReviews: MAX } });
});
afterAll(() => s.stop());

type User = Awaited<ReturnType<typeof makeUser>>;

async function insertLesson(by: string) {
  const [row] = await s.ctx.db.query<{ id: string }>(
    `insert into public.videos (title, subject, difficulty, topic, created_by, status, visibility, key_points, timestamps, quiz)
     values ('Cells', 'BIOLOGY', 'BEGINNER', 'Cells', $1, 'PUBLIC', 'PUBLIC', $2, $3, '[]') returning id`,
    [by, ["The nucleus holds the DNA"], [3]],
  );
  return row.id;
}

const optimize = (u: User) => s.api("POST", "/cards/optimize", { token: u.token, body: {} });

describe("POST /cards/optimize", () => {
  it("needs a token", async () => {
    expect((await s.api("POST", "/cards/optimize", { body: {} })).status).toBe(401);
  });

  it("refuses a student with too few reviews, saying how many it needs and how many they have", async () => {
    const u = await makeUser(s);
    const videoId = await insertLesson(u.id);
    const added = await s.api("POST", `/cards/from-lesson/${videoId}`, { token: u.token });
    for (const rating of ["good", "again", "easy"]) {
      const res = await s.api("POST", `/cards/${added.body.cards[0].id}/review`, {
        token: u.token,
        body: { rating, clientId: randomUUID() },
      });
      expect(res.status).toBe(200);
    }
    const res = await optimize(u);
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.body.code).toBe("not_enough_reviews");
    expect(res.body.detail).toBe(`Optimising needs at least ${MIN} reviews; you have 3`);
    const settings = (await s.api("GET", "/cards/settings", { token: u.token })).body;
    expect(settings).toMatchObject({ weights: null, optimizedAt: null, optimizedReviews: null });
  });

  it("refuses a history with enough reviews but none a day apart (the optimiser would only echo its defaults)", async () => {
    const u = await makeUser(s);
    const start = new Date("2030-05-01T09:00:00Z");
    const ids = await insertCards(s.ctx.db, u.id, 100, start);
    // Five reviews of each card within one morning: learning steps only, nothing long-term to fit.
    const log = ids.flatMap((cardId) =>
      [0, 1, 2, 3, 4].map((k) => ({
        cardId,
        rating: Rating.Good as Grade,
        at: new Date(start.getTime() + k * 600_000),
      })),
    );
    await insertLog(s.ctx.db, u.id, log);
    const res = await optimize(u);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("not_enough_reviews");
    expect(res.body.detail).toContain("a day or more apart");
    expect((await s.api("GET", "/cards/settings", { token: u.token })).body.weights).toBeNull();
  });

  it("fits weights to the student's history, stores them, and schedules their next reviews with them", async () => {
    const u = await makeUser(s);
    const start = new Date("2030-01-01T10:00:00Z");
    const ids = await insertCards(s.ctx.db, u.id, 120, start);
    const log = simulate(ids, start, 12);
    expect(log.length).toBeGreaterThan(MAX);
    await insertLog(s.ctx.db, u.id, log);

    const res = await optimize(u);
    expect(res.status).toBe(200);
    const { weights, reviewsUsed, cardsUsed, optimizedAt } = res.body;
    // Bounded: the fit read MAX reviews, whole card histories in card order (the last one cut short).
    expect(reviewsUsed).toBe(MAX);
    expect(cardsUsed).toBe(Math.ceil(MAX / 12));
    expect(weights).toHaveLength(21);
    expect(weights.every(Number.isFinite)).toBe(true);
    // A student who forgets more than FSRS's average learner gets smaller initial stabilities.
    expect(weights).not.toEqual([...default_w]);
    expect(weights[2]).toBeLessThan(default_w[2]);

    const settings = (await s.api("GET", "/cards/settings", { token: u.token })).body;
    expect(settings).toEqual({ desiredRetention: 0.9, weights, optimizedAt, optimizedReviews: MAX });

    // A new card rated good now starts from the fitted stability, not the default one.
    const now = new Date("2030-06-01T09:00:00Z");
    cardsService(s.ctx).now = () => now;
    const [fresh] = await insertCards(s.ctx.db, u.id, 1, now);
    const reviewed = await s.api("POST", `/cards/${fresh}/review`, {
      token: u.token,
      body: { rating: "good", clientId: randomUUID() },
    });
    expect(reviewed.status).toBe(200);
    const personal = fsrs({ w: weights, enable_fuzz: false }).next(createEmptyCard(now), now, Rating.Good).card;
    const generic = fsrs({ enable_fuzz: false }).next(createEmptyCard(now), now, Rating.Good).card;
    expect(reviewed.body.card.stability).toBeCloseTo(personal.stability, 6);
    expect(Math.abs(reviewed.body.card.stability - generic.stability)).toBeGreaterThan(0.01);

    // Weights set by hand replace the fit, which the settings then no longer claim.
    const patched = await s.api("PATCH", "/cards/settings", { token: u.token, body: { weights: null } });
    expect(patched.body).toEqual({ desiredRetention: 0.9, weights: null, optimizedAt: null, optimizedReviews: null });
  });
});
