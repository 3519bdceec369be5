// Study stats in the student's own time zone, and the exam countdown plan (propose, accept).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOfLocalWeek } from "../src/planner/domain/stats.js";
import { startOfLocalDay } from "../src/planner/domain/tz.js";
import { makeUser, type TestServer, startTestServer } from "./harness.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

type User = Awaited<ReturnType<typeof makeUser>>;
const create = (u: User, body: Record<string, unknown>) =>
  s.api("POST", "/planner/events", { token: u.token, body: { type: "OTHER", title: "Event", ...body } });
const setZone = (u: User, timeZone: string) =>
  s.api("PATCH", `/users/${u.id}`, { token: u.token, body: { preferences: { timeZone } } });
const stats = async (u: User) => (await s.api("GET", `/users/${u.id}/stats`, { token: u.token })).body;
const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;

describe("planner stats", () => {
  it("counts completed, upcoming, this week's study minutes and the streak", async () => {
    const a = await makeUser(s);
    const now = Date.now();
    const weekStart = startOfLocalWeek(new Date(now), "UTC").getTime();
    // A completed 90-minute study session at the start of this week, one last week (not counted).
    await create(a, {
      type: "STUDY_SESSION",
      startDate: iso(weekStart + HOUR),
      endDate: iso(weekStart + 2.5 * HOUR),
      isCompleted: true,
    });
    await create(a, {
      type: "STUDY_SESSION",
      startDate: iso(weekStart - 5 * HOUR),
      endDate: iso(weekStart - 4 * HOUR),
      isCompleted: true,
    });
    await create(a, { startDate: iso(now + 24 * HOUR) });
    await create(a, { startDate: iso(now + 48 * HOUR), isCompleted: true });
    const st = await stats(a);
    expect(st).toMatchObject({ eventsCompleted: 3, eventsUpcoming: 1, studyMinutesThisWeek: 90 });
    const other = await makeUser(s);
    expect((await s.api("GET", `/users/${a.id}/stats`, { token: other.token })).status).toBe(403);
  });

  it("reads days in the student's zone: 23:30 and 00:30 in Tokyo are two days there, one in UTC", async () => {
    const tokyo = await makeUser(s);
    const utc = await makeUser(s);
    await setZone(tokyo, "Asia/Tokyo");
    // Yesterday and the day before in Tokyo; 23:30 and the next 00:30 Tokyo are both 14:30–15:30 UTC of one UTC date.
    const yesterdayTokyo = startOfLocalDay(new Date(), "Asia/Tokyo", -1).getTime();
    for (const u of [tokyo, utc]) {
      for (const start of [yesterdayTokyo - 0.5 * HOUR, yesterdayTokyo + 0.5 * HOUR]) {
        await create(u, { startDate: iso(start), endDate: iso(start + 0.25 * HOUR), isCompleted: true });
      }
    }
    expect((await stats(tokyo)).streakDays).toBe(2);
    expect((await stats(utc)).streakDays).toBeLessThan(2);
  });

  it("counts this week's minutes from the student's Monday, not UTC's", async () => {
    const nz = await makeUser(s);
    await setZone(nz, "Pacific/Auckland");
    const now = new Date();
    const weekStartNz = startOfLocalWeek(now, "Pacific/Auckland").getTime();
    // One hour after the NZ Monday midnight is still Sunday in UTC (last UTC week).
    await create(nz, {
      type: "STUDY_SESSION",
      startDate: iso(weekStartNz + HOUR),
      endDate: iso(weekStartNz + 2 * HOUR),
      isCompleted: true,
    });
    // One hour before it belongs to the previous NZ week.
    await create(nz, {
      type: "STUDY_SESSION",
      startDate: iso(weekStartNz - HOUR),
      endDate: iso(weekStartNz - 0.5 * HOUR),
      isCompleted: true,
    });
    const st = await stats(nz);
    expect(st.studyMinutesThisWeek).toBe(weekStartNz + HOUR <= now.getTime() ? 60 : 0);
  });

  it("counts completed occurrences of a series one by one", async () => {
    const a = await makeUser(s);
    const start = Date.now() - 3 * 24 * HOUR;
    const ev = await create(a, {
      type: "CLASS",
      startDate: iso(start),
      endDate: iso(start + HOUR),
      rrule: "FREQ=DAILY;COUNT=10",
    });
    for (const d of [0, 1]) {
      await s.api("PATCH", `/planner/events/${ev.body.id}`, {
        token: a.token,
        body: { occurrenceDate: iso(start + d * 24 * HOUR), isCompleted: true },
      });
    }
    expect(await stats(a)).toMatchObject({ eventsCompleted: 2, eventsUpcoming: 1 });
  });
});

describe("exam countdown plan", () => {
  it("proposes sessions before the exam around existing events, then accepts them as linked events", async () => {
    const a = await makeUser(s);
    await setZone(a, "Europe/Berlin");
    const examStart = Date.now() + 10 * 24 * HOUR;
    const exam = await create(a, { title: "Analysis I", type: "EXAM", subject: "MATH", startDate: iso(examStart) });
    // A long busy block each day at 17:00 Berlin (the preferred slot) is avoided.
    const busy = await create(a, {
      title: "Training",
      type: "OTHER",
      startDate: iso(Date.now() + HOUR),
      endDate: iso(Date.now() + 3 * HOUR),
      rrule: "FREQ=DAILY;COUNT=12",
    });
    expect(busy.status).toBe(201);
    const proposal = await s.api("POST", "/planner/plan", {
      token: a.token,
      body: { examEventId: exam.body.id, sessionsPerWeek: 3, minutesPerSession: 60 },
    });
    expect(proposal.status).toBe(200);
    expect(proposal.body.accepted).toBe(false);
    const items = proposal.body.items as Array<{
      startDate: string;
      endDate: string;
      type: string;
      linkedEventId: string;
    }>;
    expect(items.length).toBeGreaterThanOrEqual(3);
    for (const it of items) {
      expect(it).toMatchObject({ type: "STUDY_SESSION", linkedEventId: exam.body.id });
      expect(Date.parse(it.endDate)).toBeLessThanOrEqual(examStart);
      expect(Date.parse(it.startDate)).toBeGreaterThanOrEqual(Date.now() - 60_000);
    }
    const busyOccurrences = (
      await s.api("GET", `/planner/events?type=OTHER&from=${iso(Date.now())}&to=${iso(examStart)}`, { token: a.token })
    ).body.items as Array<{ startDate: string; endDate: string }>;
    for (const it of items) {
      for (const b of busyOccurrences) {
        const overlap =
          Date.parse(it.startDate) < Date.parse(b.endDate) && Date.parse(b.startDate) < Date.parse(it.endDate);
        expect(overlap).toBe(false);
      }
    }
    // Nothing was stored by the proposal.
    expect((await s.api("GET", "/planner/events?type=STUDY_SESSION", { token: a.token })).body.items).toHaveLength(0);

    const accepted = await s.api("POST", "/planner/plan", {
      token: a.token,
      body: { examEventId: exam.body.id, sessionsPerWeek: 3, minutesPerSession: 60, accept: true },
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.accepted).toBe(true);
    expect(accepted.body.items.length).toBe(items.length);
    expect(accepted.body.items[0]).toMatchObject({ linkedEventId: exam.body.id, type: "STUDY_SESSION" });
    expect(typeof accepted.body.items[0].id).toBe("string");
    const stored = await s.api("GET", "/planner/events?type=STUDY_SESSION", { token: a.token });
    expect(stored.body.items).toHaveLength(items.length);
  });

  it("answers 404 for someone else's exam or an event that is not an exam, 400 for bad numbers", async () => {
    const a = await makeUser(s);
    const b = await makeUser(s);
    const theirs = await create(b, { type: "EXAM", startDate: iso(Date.now() + 5 * 24 * HOUR) });
    const notExam = await create(a, { type: "CLASS", startDate: iso(Date.now() + 5 * 24 * HOUR) });
    for (const id of [theirs.body.id, notExam.body.id]) {
      const res = await s.api("POST", "/planner/plan", {
        token: a.token,
        body: { examEventId: id, sessionsPerWeek: 2, minutesPerSession: 60 },
      });
      expect(res.status).toBe(404);
    }
    const bad = await s.api("POST", "/planner/plan", {
      token: a.token,
      body: { examEventId: notExam.body.id, sessionsPerWeek: 0, minutesPerSession: 60 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("sessionsPerWeek");
  });
});
