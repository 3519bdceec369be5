// Calendar sync over HTTP: the secret feed URL (stable, rotatable, read back by ical.js) and
// .ics import of Google/Outlook exports, all-or-nothing, without duplicates on re-import.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser, type TestServer, startTestServer } from "./harness.js";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "src", "planner", "domain", "fixtures");
const fixture = (name: string) => readFileSync(join(FIXTURES, name), "utf8");

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

type User = Awaited<ReturnType<typeof makeUser>>;
const importIcs = (u: User, text: string, contentType = "text/calendar") =>
  s.api("POST", "/planner/import", { token: u.token, raw: text, headers: { "content-type": contentType } });
const feedPath = (url: string) => new URL(url).pathname.replace(/^\/api\/v1/, "");
const titles = async (u: User) =>
  (await s.api("GET", "/planner/events", { token: u.token })).body.items.map((e: { title: string }) => e.title);

describe("calendar feed", () => {
  it("gives a secret URL, the same on later calls, that serves the user's events as iCalendar", async () => {
    const a = await makeUser(s);
    await s.api("PATCH", `/users/${a.id}`, { token: a.token, body: { preferences: { timeZone: "Europe/London" } } });
    const lecture = await s.api("POST", "/planner/events", {
      token: a.token,
      body: {
        title: "Organic chemistry; part 2",
        type: "CLASS",
        subject: "CHEMISTRY",
        startDate: "2026-10-12T08:00:00Z",
        endDate: "2026-10-12T09:00:00Z",
        rrule: "FREQ=WEEKLY;BYDAY=MO;COUNT=4",
        reminders: [15],
      },
    });
    const first = await s.api("GET", "/planner/calendar-feed", { token: a.token });
    expect(first.status).toBe(200);
    expect(first.body.url).toMatch(
      new RegExp(`^${s.ctx.config.appUrl}/api/v1/planner/calendar/[A-Za-z0-9_-]{40,}\\.ics$`),
    );
    expect((await s.api("GET", "/planner/calendar-feed", { token: a.token })).body.url).toBe(first.body.url);
    // Only the hash is stored.
    const token = /calendar\/(.+)\.ics$/.exec(first.body.url)?.[1] ?? "";
    const stored = await s.ctx.db.query<{ token_hash: string }>(
      "select token_hash from auth.calendar_tokens where user_id = $1",
      [a.id],
    );
    expect(stored[0].token_hash).not.toContain(token);

    const feed = await s.api("GET", feedPath(first.body.url));
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toContain("text/calendar");
    const root = new ICAL.Component(ICAL.parse(feed.body as string));
    for (const tz of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
    const [vevent] = root.getAllSubcomponents("vevent");
    const ev = new ICAL.Event(vevent);
    expect(ev.summary).toBe("Organic chemistry; part 2");
    expect(String(vevent.getFirstPropertyValue("uid"))).toBe(`${lecture.body.id}@littlemonster`);
    const starts: string[] = [];
    const iter = ev.iterator();
    for (let next = iter.next(); next; next = iter.next()) starts.push(next.toJSDate().toISOString());
    // 09:00 London on both sides of the 25 October change.
    expect(starts).toEqual([
      "2026-10-12T08:00:00.000Z",
      "2026-10-19T08:00:00.000Z",
      "2026-10-26T09:00:00.000Z",
      "2026-11-02T09:00:00.000Z",
    ]);
  });

  it("rotation issues a new URL and the old one answers 404; unknown tokens are 404", async () => {
    const a = await makeUser(s);
    const old = (await s.api("GET", "/planner/calendar-feed", { token: a.token })).body.url;
    const rotated = await s.api("POST", "/planner/calendar-feed/rotate", { token: a.token, body: {} });
    expect(rotated.status).toBe(200);
    expect(rotated.body.url).not.toBe(old);
    expect((await s.api("GET", feedPath(old))).status).toBe(404);
    expect((await s.api("GET", feedPath(rotated.body.url))).status).toBe(200);
    expect((await s.api("GET", "/planner/calendar-feed", { token: a.token })).body.url).toBe(rotated.body.url);
    expect((await s.api("GET", "/planner/calendar/not-a-real-token-at-all-000000000.ics")).status).toBe(404);
    expect((await s.api("GET", "/planner/calendar-feed")).status).toBe(401);
  });

  it("a feed shows only its owner's events", async () => {
    const a = await makeUser(s);
    const b = await makeUser(s);
    await s.api("POST", "/planner/events", {
      token: b.token,
      body: { title: "B only", type: "OTHER", startDate: "2027-01-01T10:00:00Z" },
    });
    const url = (await s.api("GET", "/planner/calendar-feed", { token: a.token })).body.url;
    const feed = await s.api("GET", feedPath(url));
    expect(feed.body).not.toContain("B only");
  });
});

describe("calendar import", () => {
  it("imports a Google export (TZID, all-day, RRULE with a cancelled occurrence) and does not duplicate it", async () => {
    const a = await makeUser(s);
    const res = await importIcs(a, fixture("google-export.ics"));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ imported: 4 });
    expect((await titles(a)).sort()).toEqual(
      ["Biology 101 lecture", "Biology midterm 🧬", "Essay due (submit online)", "Spring break"].sort(),
    );
    // The New York lecture stays at 09:00 New York after the US change (8 March 2026) and the
    // cancelled 28 January occurrence is gone.
    const range = await s.api("GET", "/planner/events?from=2026-01-26T00:00:00Z&to=2026-03-12T00:00:00Z", {
      token: a.token,
    });
    const lectures = range.body.items
      .filter((e: { title: string }) => e.title === "Biology 101 lecture")
      .map((e: { startDate: string }) => e.startDate);
    expect(lectures).toContain("2026-01-26T14:00:00.000Z");
    expect(lectures).not.toContain("2026-01-28T14:00:00.000Z");
    expect(lectures).toContain("2026-03-09T13:00:00.000Z");

    const again = await importIcs(a, fixture("google-export.ics"));
    expect(again.status).toBe(201);
    expect((await titles(a)).length).toBe(4);
  });

  it("gives imported events a type and subject, round-trips our own export, and keeps a student's edits", async () => {
    const a = await makeUser(s);
    await importIcs(a, fixture("google-export.ics"));
    const events = (await s.api("GET", "/planner/events", { token: a.token })).body.items as Array<{
      id: string;
      title: string;
      type: string;
      subject: string | null;
    }>;
    const kind = (title: string) => {
      const e = events.find((x) => x.title === title)!;
      return [e.type, e.subject];
    };
    expect(kind("Biology midterm 🧬")).toEqual(["EXAM", "BIOLOGY"]);
    expect(kind("Biology 101 lecture")).toEqual(["CLASS", "BIOLOGY"]);
    expect(kind("Essay due (submit online)")).toEqual(["ASSIGNMENT", null]);
    expect(kind("Spring break")).toEqual(["OTHER", null]);

    // A student reclassifies one; importing the same file again does not undo it.
    const essay = events.find((e) => e.title.startsWith("Essay"))!;
    await s.api("PATCH", `/planner/events/${essay.id}`, { token: a.token, body: { subject: "HISTORY" } });
    await importIcs(a, fixture("google-export.ics"));
    const after = await s.api("GET", `/planner/events/${essay.id}`, { token: a.token });
    expect([after.body.type, after.body.subject]).toEqual(["ASSIGNMENT", "HISTORY"]);

    // Our own feed, imported by another student, keeps type and subject (CATEGORIES).
    const b = await makeUser(s);
    await s.api("POST", "/planner/events", {
      token: a.token,
      body: { title: "Period 4", type: "STUDY_SESSION", subject: "PHYSICS", startDate: "2027-02-01T10:00:00Z" },
    });
    const { url } = (await s.api("GET", "/planner/calendar-feed", { token: a.token })).body;
    const ics = (await s.api("GET", feedPath(url))).body as string;
    expect((await importIcs(b, ics)).status).toBe(201);
    const copied = (await s.api("GET", "/planner/events", { token: b.token })).body.items.find(
      (e: { title: string }) => e.title === "Period 4",
    );
    expect([copied.type, copied.subject]).toEqual(["STUDY_SESSION", "PHYSICS"]);
  });

  it("serves an imported New York series in the feed at 09:00 New York, without its cancelled occurrence", async () => {
    const a = await makeUser(s);
    expect((await importIcs(a, fixture("google-export.ics"))).status).toBe(201);
    const url = (await s.api("GET", "/planner/calendar-feed", { token: a.token })).body.url;
    const feed = await s.api("GET", feedPath(url));
    const root = new ICAL.Component(ICAL.parse(feed.body as string));
    for (const tz of root.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
    const lecture = root
      .getAllSubcomponents("vevent")
      .map((v) => new ICAL.Event(v))
      .find((e) => e.summary === "Biology 101 lecture");
    expect(lecture).toBeDefined();
    const starts: string[] = [];
    const iter = lecture!.iterator();
    for (let next = iter.next(); next; next = iter.next()) starts.push(next.toJSDate().toISOString());
    expect(starts).toContain("2026-01-26T14:00:00.000Z");
    expect(starts).not.toContain("2026-01-28T14:00:00.000Z");
    expect(starts).toContain("2026-03-09T13:00:00.000Z");
    // The API's expansion and the feed agree occurrence for occurrence.
    const api = await s.api("GET", "/planner/events?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z", {
      token: a.token,
    });
    const apiStarts = api.body.items
      .filter((e: { title: string }) => e.title === "Biology 101 lecture")
      .map((e: { startDate: string }) => e.startDate);
    expect(starts).toEqual(apiStarts);
  });

  it("imports an Outlook export with Windows time zone names", async () => {
    const a = await makeUser(s);
    const res = await importIcs(a, fixture("outlook-export.ics"));
    expect(res.status).toBe(201);
    expect(res.body.imported).toBeGreaterThanOrEqual(5);
    const list = await s.api("GET", "/planner/events", { token: a.token });
    const algebra = list.body.items.find((e: { title: string }) => e.title === "Lineare Algebra – Übung");
    expect(algebra).toMatchObject({
      startDate: "2026-03-02T09:00:00.000Z",
      rrule: expect.stringContaining("FREQ=WEEKLY"),
    });
  });

  it.each([
    "malformed-bad-date.ics",
    "malformed-no-vcalendar.ics",
    "malformed-unbalanced.ics",
    "malformed-unknown-tzid.ics",
  ])("refuses %s with a 400 that says why, and writes nothing", async (name) => {
    const a = await makeUser(s);
    const res = await importIcs(a, fixture(name));
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.body.code).toBe("validation_error");
    expect(res.body.detail).toMatch(/^Invalid calendar: .{10,}/);
    expect(await titles(a)).toEqual([]);
  });

  it("needs a token and a calendar body", async () => {
    expect(
      (await s.api("POST", "/planner/import", { raw: "x", headers: { "content-type": "text/calendar" } })).status,
    ).toBe(401);
    const a = await makeUser(s);
    const json = await s.api("POST", "/planner/import", { token: a.token, body: { ics: "BEGIN:VCALENDAR" } });
    expect(json.status).toBe(415);
  });
});
