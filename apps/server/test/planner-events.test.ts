// Planner events over HTTP: the contract rows, validation, privacy (BOLA and RLS), ranges,
// recurrence across DST and per-occurrence completion.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listCandidates } from "../src/planner/repository.js";
import { makeUser, type TestServer, startTestServer } from "./harness.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

type User = Awaited<ReturnType<typeof makeUser>>;
const create = (u: User, body: Record<string, unknown>) =>
  s.api("POST", "/planner/events", { token: u.token, body: { type: "OTHER", title: "Event", ...body } });

describe("planner events", () => {
  it("needs a token", async () => {
    expect((await s.api("GET", "/planner/events")).status).toBe(401);
    expect((await s.api("POST", "/planner/events", { body: {} })).status).toBe(401);
  });

  it("creates, reads, updates and deletes an event in the contract's shape", async () => {
    const a = await makeUser(s);
    const created = await create(a, {
      title: "Calculus exam",
      type: "EXAM",
      subject: "MATH",
      startDate: "2027-01-10T09:00:00.000Z",
      endDate: "2027-01-10T11:00:00+00:00",
      reminders: [60, 1440],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: "Calculus exam",
      description: null,
      subject: "MATH",
      type: "EXAM",
      startDate: "2027-01-10T09:00:00.000Z",
      endDate: "2027-01-10T11:00:00.000Z",
      isCompleted: false,
      reminders: [60, 1440],
    });
    const id = created.body.id;
    expect((await s.api("GET", `/planner/events/${id}`, { token: a.token })).body.title).toBe("Calculus exam");
    const patched = await s.api("PATCH", `/planner/events/${id}`, {
      token: a.token,
      body: { title: "Calculus final", isCompleted: true, description: "Room 4" },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ title: "Calculus final", isCompleted: true, description: "Room 4" });
    expect((await s.api("DELETE", `/planner/events/${id}`, { token: a.token })).status).toBe(204);
    expect((await s.api("GET", `/planner/events/${id}`, { token: a.token })).status).toBe(404);
    expect((await s.api("DELETE", `/planner/events/${id}`, { token: a.token })).status).toBe(404);
  });

  it.each([
    [{ title: "" }, "title"],
    [{ title: "x".repeat(201) }, "title"],
    [{ type: "PARTY" }, "type"],
    [{ startDate: "2027-01-10 09:00" }, "startDate"],
    [{ startDate: "2027-01-10T09:00:00" }, "startDate"],
    [{ endDate: "2027-01-10T08:59:59Z" }, "endDate"],
    [{ reminders: [-1] }, "reminders.0"],
    [{ reminders: [40_321] }, "reminders.0"],
    [{ reminders: [1, 2, 3, 4, 5, 6] }, "reminders"],
    [{ subject: "COOKING" }, "subject"],
    [{ userId: "00000000-0000-4000-8000-000000000000" }, "userId"],
    [{ rrule: "FREQ=HOURLY" }, "rrule"],
    [{ rrule: "FREQ=WEEKLY;BYDAY=XX" }, "rrule"],
  ])("refuses %j with a 400 naming %s", async (patch, field) => {
    const a = await makeUser(s);
    const res = await create(a, { startDate: "2027-01-10T09:00:00Z", ...patch });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.body.code).toBe("validation_error");
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
  });

  it("accepts reminders at the edges (0 and 40,320 minutes, five of them)", async () => {
    const a = await makeUser(s);
    const res = await create(a, { startDate: "2027-01-10T09:00:00Z", reminders: [0, 10, 20, 30, 40_320] });
    expect(res.status).toBe(201);
  });

  it("PATCH refuses an end before the stored start", async () => {
    const a = await makeUser(s);
    const ev = await create(a, { startDate: "2027-01-10T09:00:00Z" });
    const res = await s.api("PATCH", `/planner/events/${ev.body.id}`, {
      token: a.token,
      body: { endDate: "2027-01-10T08:00:00Z" },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe("endDate");
  });

  it("another user's event is 404 on GET, PATCH and DELETE, and stays untouched", async () => {
    const a = await makeUser(s);
    const b = await makeUser(s);
    const ev = await create(b, { title: "B's secret", startDate: "2027-01-10T09:00:00Z" });
    const id = ev.body.id;
    expect((await s.api("GET", `/planner/events/${id}`, { token: a.token })).status).toBe(404);
    expect((await s.api("PATCH", `/planner/events/${id}`, { token: a.token, body: { title: "pwned" } })).status).toBe(
      404,
    );
    expect((await s.api("DELETE", `/planner/events/${id}`, { token: a.token })).status).toBe(404);
    const list = await s.api("GET", "/planner/events", { token: a.token });
    expect(list.body.items.map((e: { id: string }) => e.id)).not.toContain(id);
    expect((await s.api("GET", `/planner/events/${id}`, { token: b.token })).body.title).toBe("B's secret");
  });

  it("RLS hides other users' rows even from a query that forgets its owner filter", async () => {
    const a = await makeUser(s);
    const b = await makeUser(s);
    await create(b, { startDate: "2027-01-10T09:00:00Z" });
    await create(a, { startDate: "2027-01-10T09:00:00Z" });
    // The repository asked for B's rows while acting as A: RLS answers with nothing.
    const asA = await s.ctx.db.withUser({ userId: a.id }, (tx) => listCandidates(tx, b.id, {}));
    expect(asA).toHaveLength(0);
    const unfiltered = await s.ctx.db.withUser({ userId: a.id }, (tx) =>
      tx.query<{ user_id: string }>("select user_id from public.planner_events"),
    );
    expect(unfiltered.every((r) => r.user_id === a.id)).toBe(true);
    expect(unfiltered.length).toBe(1);
  });

  it("a range returns every event overlapping it, edges included, ordered by start", async () => {
    const a = await makeUser(s);
    const mk = async (title: string, start: string, end?: string) =>
      (await create(a, { title, startDate: start, endDate: end })).body.id;
    await mk("before", "2027-02-01T08:00:00Z", "2027-02-01T08:59:59Z");
    await mk("ends at from", "2027-02-01T08:00:00Z", "2027-02-01T09:00:00Z");
    await mk("spans all", "2027-01-31T00:00:00Z", "2027-02-03T00:00:00Z");
    await mk("inside", "2027-02-01T12:00:00Z");
    await mk("starts at to", "2027-02-01T18:00:00Z", "2027-02-01T19:00:00Z");
    await mk("after", "2027-02-01T18:00:01Z");
    const res = await s.api("GET", "/planner/events?from=2027-02-01T09:00:00Z&to=2027-02-01T18:00:00Z", {
      token: a.token,
    });
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { title: string }) => e.title)).toEqual([
      "spans all",
      "ends at from",
      "inside",
      "starts at to",
    ]);
  });

  it("filters by subject, type and completion", async () => {
    const a = await makeUser(s);
    await create(a, { title: "m", subject: "MATH", type: "EXAM", startDate: "2027-03-01T09:00:00Z" });
    await create(a, { title: "b", subject: "BIOLOGY", type: "CLASS", startDate: "2027-03-02T09:00:00Z" });
    await create(a, { title: "d", type: "CLASS", startDate: "2027-03-03T09:00:00Z", isCompleted: true });
    const titles = async (q: string) =>
      (await s.api("GET", `/planner/events?${q}`, { token: a.token })).body.items.map(
        (e: { title: string }) => e.title,
      );
    expect(await titles("subject=MATH")).toEqual(["m"]);
    expect(await titles("type=CLASS")).toEqual(["b", "d"]);
    expect(await titles("completed=true")).toEqual(["d"]);
    expect(await titles("completed=false")).toEqual(["m", "b"]);
    const bad = await s.api("GET", "/planner/events?from=yesterday", { token: a.token });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("from");
    const reversed = await s.api("GET", "/planner/events?from=2027-02-02T00:00:00Z&to=2027-02-01T00:00:00Z", {
      token: a.token,
    });
    expect(reversed.status).toBe(400);
  });

  it("expands a weekly class across the DST change at the same wall-clock time", async () => {
    const a = await makeUser(s);
    await s.api("PATCH", `/users/${a.id}`, { token: a.token, body: { preferences: { timeZone: "Europe/Paris" } } });
    // Mondays 09:00 Paris; clocks go back on Sunday 2026-10-25 (UTC+2 → UTC+1).
    const ev = await create(a, {
      title: "Physics",
      type: "CLASS",
      startDate: "2026-10-12T07:00:00Z",
      endDate: "2026-10-12T08:30:00Z",
      rrule: "FREQ=WEEKLY;BYDAY=MO;COUNT=4",
    });
    expect(ev.status).toBe(201);
    expect(ev.body.rrule).toBe("FREQ=WEEKLY;BYDAY=MO;COUNT=4");
    const res = await s.api("GET", "/planner/events?from=2026-10-01T00:00:00Z&to=2026-12-31T00:00:00Z", {
      token: a.token,
    });
    expect(res.body.items.map((e: { startDate: string }) => e.startDate)).toEqual([
      "2026-10-12T07:00:00.000Z",
      "2026-10-19T07:00:00.000Z",
      "2026-10-26T08:00:00.000Z",
      "2026-11-02T08:00:00.000Z",
    ]);
    expect(res.body.items[2]).toMatchObject({
      id: ev.body.id,
      occurrenceDate: "2026-10-26T08:00:00.000Z",
      endDate: "2026-10-26T09:30:00.000Z",
      isCompleted: false,
    });
    // A range that starts mid-occurrence still returns it (overlap), and only what overlaps.
    const mid = await s.api("GET", "/planner/events?from=2026-10-19T08:00:00Z&to=2026-10-26T07:59:59Z", {
      token: a.token,
    });
    expect(mid.body.items.map((e: { startDate: string }) => e.startDate)).toEqual(["2026-10-19T07:00:00.000Z"]);
  });

  it("completes one occurrence of a series on its own", async () => {
    const a = await makeUser(s);
    const ev = await create(a, {
      type: "STUDY_SESSION",
      startDate: "2027-04-05T16:00:00Z",
      endDate: "2027-04-05T17:00:00Z",
      rrule: "FREQ=DAILY;COUNT=3",
    });
    const id = ev.body.id;
    const done = await s.api("PATCH", `/planner/events/${id}`, {
      token: a.token,
      body: { occurrenceDate: "2027-04-06T16:00:00.000Z", isCompleted: true },
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ occurrenceDate: "2027-04-06T16:00:00.000Z", isCompleted: true });
    const list = await s.api("GET", "/planner/events?from=2027-04-01T00:00:00Z&to=2027-04-30T00:00:00Z", {
      token: a.token,
    });
    expect(list.body.items.map((e: { isCompleted: boolean }) => e.isCompleted)).toEqual([false, true, false]);
    const onlyDone = await s.api(
      "GET",
      "/planner/events?from=2027-04-01T00:00:00Z&to=2027-04-30T00:00:00Z&completed=true",
      {
        token: a.token,
      },
    );
    expect(onlyDone.body.items).toHaveLength(1);
    const notOne = await s.api("PATCH", `/planner/events/${id}`, {
      token: a.token,
      body: { occurrenceDate: "2027-04-06T16:30:00.000Z", isCompleted: true },
    });
    expect(notOne.status).toBe(400);
    expect(notOne.body.errors[0].path).toBe("occurrenceDate");
    const mixed = await s.api("PATCH", `/planner/events/${id}`, {
      token: a.token,
      body: { occurrenceDate: "2027-04-06T16:00:00.000Z", isCompleted: true, title: "x" },
    });
    expect(mixed.status).toBe(400);
  });
});
