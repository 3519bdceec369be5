// Users table of the contract: own vs public view, updates, mass assignment, BOLA, deletion.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser, type TestServer, startTestServer } from "./harness.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

describe("users", () => {
  it("GET /users/me needs a token", async () => {
    expect((await s.api("GET", "/users/me")).status).toBe(401);
  });

  it("GET /users/:id shows the full User to its owner and a PublicUser to others and to anonymous callers", async () => {
    const a = await makeUser(s);
    const b = await makeUser(s);
    const own = await s.api("GET", `/users/${a.id}`, { token: a.token });
    expect(own.body).toHaveProperty("email", a.email);
    for (const token of [b.token, undefined]) {
      const pub = await s.api("GET", `/users/${a.id}`, { token });
      expect(pub.status).toBe(200);
      expect(Object.keys(pub.body).sort()).toEqual(["avatarColor", "createdAt", "displayName", "id", "subjects"]);
    }
  });

  it("GET /users/:id is 404 for an unknown id and 400 for a malformed one", async () => {
    expect((await s.api("GET", "/users/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await s.api("GET", "/users/not-a-uuid")).status).toBe(400);
  });

  it("PATCH updates own profile and merges preferences", async () => {
    const a = await makeUser(s);
    await s.api("PATCH", `/users/${a.id}`, { token: a.token, body: { preferences: { emailReminders: true } } });
    const res = await s.api("PATCH", `/users/${a.id}`, {
      token: a.token,
      body: {
        displayName: "Grace",
        avatarColor: "#123ABC",
        subjects: ["MATH", "PHYSICS"],
        preferences: { timeZone: "Europe/Paris" },
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      displayName: "Grace",
      avatarColor: "#123ABC",
      subjects: ["MATH", "PHYSICS"],
      preferences: { emailReminders: true, timeZone: "Europe/Paris" },
    });
  });

  it.each([
    [{ role: "ADMIN" }, "role"],
    [{ emailVerified: true }, "emailVerified"],
    [{ email: "x@example.com" }, "email"],
    [{ avatarColor: "red" }, "avatarColor"],
    [{ subjects: ["COOKING"] }, "subjects.0"],
    [{ preferences: { timeZone: "Mars/Olympus" } }, "preferences.timeZone"],
  ])("PATCH refuses %o with 400 naming %s, and changes nothing", async (body, path) => {
    const a = await makeUser(s);
    const res = await s.api("PATCH", `/users/${a.id}`, { token: a.token, body });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    const me = await s.api("GET", "/users/me", { token: a.token });
    expect(me.body.role).toBe("USER");
  });

  it("BOLA: A cannot update, delete or read the stats of B (403), and B is unchanged", async () => {
    const a = await makeUser(s);
    const b = await makeUser(s, { name: "bee" });
    expect((await s.api("PATCH", `/users/${b.id}`, { token: a.token, body: { displayName: "Hacked" } })).status).toBe(
      403,
    );
    expect((await s.api("DELETE", `/users/${b.id}`, { token: a.token })).status).toBe(403);
    expect((await s.api("GET", `/users/${b.id}/stats`, { token: a.token })).status).toBe(403);
    expect((await s.api("GET", "/users/me", { token: b.token })).body.displayName).toBe("bee");
  });

  it("DELETE removes the account and ends its sessions; an ADMIN may delete others", async () => {
    const a = await makeUser(s);
    expect((await s.api("DELETE", `/users/${a.id}`, { token: a.token })).status).toBe(204);
    expect((await s.api("GET", "/users/me", { token: a.token })).status).toBe(401);
    expect((await s.api("POST", "/auth/login", { body: { email: a.email, password: a.password } })).status).toBe(401);
    expect((await s.api("GET", `/users/${a.id}`)).status).toBe(404);

    const admin = await makeUser(s, { role: "ADMIN" });
    const victim = await makeUser(s);
    expect((await s.api("DELETE", `/users/${victim.id}`, { token: admin.token })).status).toBe(204);
    expect((await s.api("GET", `/users/${victim.id}`)).status).toBe(404);
  });

  it("GET /users/:id/stats returns every field, computed from the tables", async () => {
    const a = await makeUser(s);
    const res = await s.api("GET", `/users/${a.id}/stats`, { token: a.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      videosCreated: 0,
      commentsPosted: 0,
      ratingsGiven: 0,
      avgRatingReceived: 0,
      eventsCompleted: 0,
      eventsUpcoming: 0,
      studyMinutesThisWeek: 0,
      streakDays: 0,
    });
    await s.ctx.db.query(
      "insert into public.videos (title, subject, difficulty, topic, created_by, status, rating_sum, rating_count) values ('T', 'MATH', 'BEGINNER', 'T', $1, 'PUBLIC', 9, 2)",
      [a.id],
    );
    const after = await s.api("GET", `/users/${a.id}/stats`, { token: a.token });
    expect(after.body).toMatchObject({ videosCreated: 1, avgRatingReceived: 4.5 });
  });
});
