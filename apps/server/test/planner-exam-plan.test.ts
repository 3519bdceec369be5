// The planner schedules the studying: an exam plan built from the student's review cards. The whole
// loop over HTTP — lessons → cards → reviews (the cards' clock moved back, so the reviews happened
// days ago) → an exam plan whose sessions review the cards due by then, re-watch the weakest lesson
// at the second its weakest card covers, and end with a practice quiz the day before.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardsService } from "../src/cards/feature.js";
import { testConfig } from "../src/config.js";
import { makeUser, type TestServer, startTestServer } from "./harness.js";

let s: TestServer;
beforeAll(async () => {
  const limits = testConfig().rateLimits;
  s = await startTestServer({ rateLimits: { ...limits, ipPerMinute: 100_000, userPerMinute: 100_000 } });
});
afterAll(() => s.stop());

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString();
type User = Awaited<ReturnType<typeof makeUser>>;

async function insertLesson(by: string, title: string, subject: string) {
  const [row] = await s.ctx.db.query<{ id: string }>(
    `insert into public.videos (title, subject, difficulty, topic, created_by, status, visibility, key_points, timestamps, quiz)
     values ($1, $2, 'BEGINNER', $1, $3, 'PUBLIC', 'PUBLIC', $4, $5, '[]') returning id`,
    [
      title,
      subject,
      by,
      [`${title}: the first idea`, `${title}: the second idea`, `${title}: the third idea`],
      [5, 30, 61],
    ],
  );
  return row.id;
}

async function deck(u: User, videoId: string): Promise<Array<{ id: string }>> {
  const res = await s.api("POST", `/cards/from-lesson/${videoId}`, { token: u.token });
  expect([200, 201]).toContain(res.status);
  return res.body.cards;
}

/** Rates every card of a lesson, `daysAgo` days ago (the cards' clock moved back for the review). */
async function reviewAll(u: User, cards: Array<{ id: string }>, rating: string, daysAgo: number) {
  cardsService(s.ctx).now = () => new Date(Date.now() - daysAgo * DAY);
  try {
    for (const c of cards) {
      const res = await s.api("POST", `/cards/${c.id}/review`, {
        token: u.token,
        body: { clientId: randomUUID(), rating, reviewedAt: iso(Date.now() - daysAgo * DAY) },
      });
      expect(res.status).toBe(200);
    }
  } finally {
    cardsService(s.ctx).now = () => new Date();
  }
}

interface Item {
  title: string;
  startDate: string;
  endDate: string;
  description: string;
  activity: { kind: string; videoId: string | null; cardIds: string[]; cardsDue: number; path: string };
}

describe("an exam plan from the student's cards", () => {
  it("reviews the cards due by each session, re-watches the weakest lesson, and quizzes the day before", async () => {
    const u = await makeUser(s);
    const strong = await insertLesson(u.id, "Cell membranes", "BIOLOGY");
    const weak = await insertLesson(u.id, "Mitosis", "BIOLOGY");
    const otherSubject = await insertLesson(u.id, "Fractions", "MATH");
    const strongCards = await deck(u, strong);
    const weakCards = await deck(u, weak);
    const mathCards = await deck(u, otherSubject);
    // Remembered well 2 days ago (due again in days); forgotten 2 days ago (due at once).
    await reviewAll(u, strongCards, "easy", 2);
    await reviewAll(u, weakCards, "again", 2);

    const examAt = Date.now() + 8 * DAY;
    const exam = await s.api("POST", "/planner/events", {
      token: u.token,
      body: { title: "Biology mid-term", type: "EXAM", subject: "BIOLOGY", startDate: iso(examAt) },
    });
    expect(exam.status).toBe(201);
    const plan = await s.api("POST", "/planner/plan", {
      token: u.token,
      body: { examEventId: exam.body.id, sessionsPerWeek: 7, minutesPerSession: 60 },
    });
    expect(plan.status).toBe(200);
    const items = plan.body.items as Item[];
    expect(items.length).toBeGreaterThanOrEqual(5);

    // The first session reviews the forgotten cards, already due; sized by them, not a full hour.
    const first = items[0];
    expect(first.activity.kind).toBe("REVIEW");
    expect(new Set(first.activity.cardIds)).toEqual(new Set(weakCards.map((c) => c.id)));
    expect(first.activity.cardsDue).toBe(weakCards.length);
    expect(Date.parse(first.endDate) - Date.parse(first.startDate)).toBeLessThan(60 * 60_000);
    expect(first.title).toBe(`Review ${weakCards.length} cards: Biology mid-term`);
    expect(first.description).toContain("/review");

    // Cards of another subject are not part of a biology exam's plan.
    const planned = items.flatMap((i) => i.activity.cardIds);
    for (const c of mathCards) expect(planned).not.toContain(c.id);

    // Sessions with nothing due re-watch the weakest lesson, at its weakest card's second.
    const rewatch = items.filter((i) => i.activity.kind === "REWATCH");
    expect(rewatch.length).toBeGreaterThan(0);
    expect(rewatch[0].activity.videoId).toBe(weak);
    expect(rewatch[0].title).toBe("Re-watch: Mitosis");
    expect(rewatch[0].activity.path).toMatch(new RegExp(`^/videos/${weak}\\?t=\\d+$`));

    // The last session, the day before the exam, is a practice quiz on the weakest lesson.
    const last = items.at(-1)!;
    expect(last.activity.kind).toBe("QUIZ");
    expect(last.activity.videoId).toBe(weak);
    expect(examAt - Date.parse(last.startDate)).toBeLessThan(2 * DAY);

    // Every card is expected in at most one session before the exam.
    expect(new Set(planned).size).toBe(planned.length);

    // Accepted, each stored session says what to do, with a link into the app.
    const accepted = await s.api("POST", "/planner/plan", {
      token: u.token,
      body: { examEventId: exam.body.id, sessionsPerWeek: 7, minutesPerSession: 60, accept: true },
    });
    expect(accepted.status).toBe(201);
    const stored = accepted.body.items as Array<{ title: string; description: string }>;
    expect(stored.map((e) => e.title)).toEqual(items.map((i) => i.title));
    expect(stored[0].description).toContain(`${s.ctx.config.appUrl}/review`);
  });

  it("shows the cards due per local day in the forecast and the calendar feed", async () => {
    const u = await makeUser(s);
    const settings = await s.api("PATCH", `/users/${u.id}`, {
      token: u.token,
      body: { preferences: { timeZone: "Pacific/Auckland" } },
    });
    expect(settings.status).toBe(200);
    const lesson = await insertLesson(u.id, "Osmosis", "BIOLOGY");
    const cards = await deck(u, lesson); // new cards are due at once
    const forecast = await s.api("GET", "/cards/forecast?days=7", { token: u.token });
    expect(forecast.status).toBe(200);
    expect(forecast.body.timeZone).toBe("Pacific/Auckland");
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Auckland" }).format(new Date());
    expect(forecast.body.days).toEqual([{ date: today, due: cards.length }]);
    const bad = await s.api("GET", "/cards/forecast?days=500", { token: u.token });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("days");

    const feed = await s.api("GET", "/planner/calendar-feed", { token: u.token });
    // The URL names the public app address; the same path on the test server.
    const ics = await (await fetch(`${s.url}${new URL(feed.body.url).pathname}`)).text();
    const vevent = ics.split("BEGIN:VEVENT").find((e) => e.includes(`SUMMARY:Review ${cards.length} cards`));
    expect(vevent).toBeDefined();
    expect(vevent).toContain(`DTSTART;VALUE=DATE:${today.replaceAll("-", "")}`);
    expect(vevent).toContain(`UID:reviews-${today}@`);
  });

  it("without cards in the subject, the plan is plain study sessions as before", async () => {
    const u = await makeUser(s);
    const exam = await s.api("POST", "/planner/events", {
      token: u.token,
      body: { title: "History essay exam", type: "EXAM", subject: "HISTORY", startDate: iso(Date.now() + 6 * DAY) },
    });
    const plan = await s.api("POST", "/planner/plan", {
      token: u.token,
      body: { examEventId: exam.body.id, sessionsPerWeek: 3, minutesPerSession: 45 },
    });
    expect(plan.status).toBe(200);
    for (const i of plan.body.items as Item[]) {
      expect(i.activity.kind).toBe("STUDY");
      expect(i.title).toBe("Study: History essay exam");
    }
  });

  it("plans at most the 120 days before an exam years away, quickly", async () => {
    const u = await makeUser(s);
    const exam = await s.api("POST", "/planner/events", {
      token: u.token,
      body: { title: "Final", type: "EXAM", subject: "MATH", startDate: iso(Date.now() + 3650 * DAY) },
    });
    const started = Date.now();
    const plan = await s.api("POST", "/planner/plan", {
      token: u.token,
      body: { examEventId: exam.body.id, sessionsPerWeek: 14, minutesPerSession: 30 },
    });
    expect(plan.status).toBe(200);
    const items = plan.body.items as Item[];
    expect(items.length).toBeLessThanOrEqual(14 * 18);
    expect(Date.parse(items[0].startDate)).toBeGreaterThan(Date.now() + (3650 - 121) * DAY);
    console.info(`a plan for an exam 10 years away: ${items.length} sessions in ${Date.now() - started} ms`);
  });
});
