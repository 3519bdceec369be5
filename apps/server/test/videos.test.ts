// Videos: generation through the real pipeline (offline provider on real notes), visibility, edits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOTES } from "./fixtures/notes.js";
import { makeUser, type TestServer, startTestServer, waitFor } from "./harness.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

const settled = (id: string, token?: string) =>
  waitFor(async () => {
    const r = await s.api("GET", `/videos/${id}`, { token });
    return ["PUBLIC", "PRIVATE", "FAILED", "REJECTED"].includes(r.body.status) ? r.body : null;
  }, 30_000);

describe("POST /videos", () => {
  it("needs a token (401) and a verified e-mail (403 email_not_verified)", async () => {
    const body = { topic: "Photosynthesis", subject: "BIOLOGY", difficulty: "BEGINNER", sourceText: NOTES };
    expect((await s.api("POST", "/videos", { body })).status).toBe(401);
    const u = await makeUser(s, { verified: false });
    const res = await s.api("POST", "/videos", { token: u.token, body });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("email_not_verified");
  });

  it("notes → 202 PENDING → a PUBLIC lesson built from the notes, with valid timestamps, quiz and PNG thumbnail", async () => {
    const u = await makeUser(s);
    const res = await s.api("POST", "/videos", {
      token: u.token,
      body: { topic: "Photosynthesis", subject: "BIOLOGY", difficulty: "BEGINNER", sourceText: NOTES },
    });
    expect(res.status).toBe(202);
    expect(res.body.status).toBe("PENDING");
    expect(res.body.createdBy.id).toBe(u.id);
    const v = await settled(res.body.id, u.token);
    expect(v.status).toBe("PUBLIC");
    expect(v.keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(v.keyPoints.length).toBeLessThanOrEqual(8);
    const notesWords = new Set(NOTES.toLowerCase().match(/[a-z]{5,}/g));
    for (const kp of v.keyPoints) {
      expect(
        kp
          .toLowerCase()
          .match(/[a-z]{5,}/g)
          ?.some((w: string) => notesWords.has(w)),
      ).toBe(true);
    }
    expect(v.timestamps).toHaveLength(v.keyPoints.length);
    for (let i = 1; i < v.timestamps.length; i++) expect(v.timestamps[i]).toBeGreaterThan(v.timestamps[i - 1]);
    expect(v.timestamps.at(-1)).toBeLessThan(v.duration);
    expect(v.quiz.length).toBeGreaterThanOrEqual(2);
    for (const q of v.quiz) expect(q.answerIndex).toBeLessThan(q.choices.length);
    expect(v.script.length).toBeGreaterThan(100);
    expect(v.failureReason).toBeNull();
    const png = await fetch(`${s.url}${v.thumbnailUrl}`);
    expect(png.status).toBe(200);
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");
  });

  it("a topic without notes and without a model fails with a reason that says how to configure one", async () => {
    const u = await makeUser(s);
    const res = await s.api("POST", "/videos", {
      token: u.token,
      body: { topic: "The French Revolution", subject: "HISTORY", difficulty: "INTERMEDIATE" },
    });
    const v = await settled(res.body.id, u.token);
    expect(v.status).toBe("FAILED");
    // Clients branch on the code, never on the wording.
    expect(v.failureCode).toBe("no_model");
    expect(v.failureReason).toMatch(/LLM_MODEL_PATH|LLM_BASE_URL/);
  });

  it("unsafe requests → 422 content_rejected, nothing stored", async () => {
    const u = await makeUser(s);
    const res = await s.api("POST", "/videos", {
      token: u.token,
      body: { topic: "how to kill yourself", subject: "OTHER", difficulty: "BEGINNER" },
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("content_rejected");
    expect(await s.ctx.db.query("select 1 from public.videos where created_by = $1", [u.id])).toHaveLength(0);
  });

  it("the generation job is queued in the insert's transaction: when queueing fails, no lesson is left behind", async () => {
    const u = await makeUser(s);
    // The queue refuses this one job (a stand-in for the database failing between the two writes).
    await s.ctx.db.exec(`
      create function public.refuse_test_job() returns trigger language plpgsql as $$
      begin raise exception 'queue unavailable'; end $$;
      create trigger refuse_test_job before insert on pgboss.job for each row
        when (new.name = 'generate-video' and new.data->>'videoId' is not null) execute function public.refuse_test_job();`);
    try {
      const res = await s.api("POST", "/videos", {
        token: u.token,
        body: { topic: "Photosynthesis", subject: "BIOLOGY", difficulty: "BEGINNER", sourceText: NOTES },
      });
      expect(res.status).toBeGreaterThanOrEqual(500);
    } finally {
      await s.ctx.db.exec("drop trigger refuse_test_job on pgboss.job; drop function public.refuse_test_job();");
    }
    expect(await s.ctx.db.query("select 1 from public.videos where created_by = $1", [u.id])).toHaveLength(0);
    // And when queueing works, the job exists as soon as the lesson does.
    const ok = await s.api("POST", "/videos", {
      token: u.token,
      body: { topic: "Photosynthesis", subject: "BIOLOGY", difficulty: "BEGINNER", sourceText: NOTES },
    });
    expect(ok.status).toBe(202);
    const jobs = await s.ctx.db.query(
      "select 1 from pgboss.job where name = 'generate-video' and data->>'videoId' = $1",
      [ok.body.id],
    );
    expect(jobs).toHaveLength(1);
  });

  it.each([
    [{ topic: "ab", subject: "MATH", difficulty: "BEGINNER" }, "topic"],
    [{ topic: "Algebra", subject: "COOKING", difficulty: "BEGINNER" }, "subject"],
    [{ topic: "Algebra", subject: "MATH", difficulty: "EASY" }, "difficulty"],
    [{ topic: "Algebra", subject: "MATH", difficulty: "BEGINNER", sourceText: "x".repeat(50_001) }, "sourceText"],
    [{ topic: "Algebra", subject: "MATH", difficulty: "BEGINNER", ratingAvg: 5 }, "ratingAvg"],
  ])("refuses a bad request body %#, naming the field", async (body, path) => {
    const u = await makeUser(s);
    const res = await s.api("POST", "/videos", { token: u.token, body });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });
});

describe("visibility and edits", () => {
  async function publishedVideo(visibility: "PUBLIC" | "PRIVATE") {
    const owner = await makeUser(s);
    const res = await s.api("POST", "/videos", {
      token: owner.token,
      body: {
        topic: "Photosynthesis basics",
        subject: "BIOLOGY",
        difficulty: "BEGINNER",
        sourceText: NOTES,
        visibility,
      },
    });
    const v = await settled(res.body.id, owner.token);
    return { owner, v };
  }

  it("a PRIVATE video is visible to its creator only; others and anonymous callers get 404", async () => {
    const { owner, v } = await publishedVideo("PRIVATE");
    expect(v.status).toBe("PRIVATE");
    const other = await makeUser(s);
    expect((await s.api("GET", `/videos/${v.id}`, { token: other.token })).status).toBe(404);
    expect((await s.api("GET", `/videos/${v.id}`)).status).toBe(404);
    expect((await s.api("PATCH", `/videos/${v.id}`, { token: other.token, body: { title: "Mine now" } })).status).toBe(
      404,
    );
    expect((await s.api("DELETE", `/videos/${v.id}`, { token: other.token })).status).toBe(404);
    expect((await fetch(`${s.url}${v.thumbnailUrl}`)).status).toBe(404);
    expect((await s.api("GET", `/videos/${v.id}`, { token: owner.token })).status).toBe(200);
  });

  it("the creator edits title and tags and switches PUBLIC/PRIVATE; others get 403", async () => {
    const { owner, v } = await publishedVideo("PUBLIC");
    const other = await makeUser(s);
    expect((await s.api("PATCH", `/videos/${v.id}`, { token: other.token, body: { title: "Hijacked" } })).status).toBe(
      403,
    );
    const res = await s.api("PATCH", `/videos/${v.id}`, {
      token: owner.token,
      body: { title: "Light into sugar", tags: ["plants"], status: "PRIVATE" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: "Light into sugar", tags: ["plants"], status: "PRIVATE" });
    expect((await s.api("GET", `/videos/${v.id}`, { token: other.token })).status).toBe(404);
    const bad = await s.api("PATCH", `/videos/${v.id}`, { token: owner.token, body: { status: "FAILED" } });
    expect(bad.status).toBe(400);
    const mass = await s.api("PATCH", `/videos/${v.id}`, { token: owner.token, body: { viewCount: 1e6 } });
    expect(mass.status).toBe(400);
  });

  it("DELETE: others 403, a moderator or the creator 204", async () => {
    const { owner, v } = await publishedVideo("PUBLIC");
    const other = await makeUser(s);
    expect((await s.api("DELETE", `/videos/${v.id}`, { token: other.token })).status).toBe(403);
    const mod = await makeUser(s, { role: "MODERATOR" });
    expect((await s.api("DELETE", `/videos/${v.id}`, { token: mod.token })).status).toBe(204);
    expect((await s.api("GET", `/videos/${v.id}`, { token: owner.token })).status).toBe(404);
    const second = await publishedVideo("PUBLIC");
    expect((await s.api("DELETE", `/videos/${second.v.id}`, { token: second.owner.token })).status).toBe(204);
  });

  it("retry works only from FAILED, for the creator", async () => {
    const { owner, v } = await publishedVideo("PUBLIC");
    expect((await s.api("POST", `/videos/${v.id}/retry`, { token: owner.token, body: {} })).status).toBe(409);
    const u = await makeUser(s);
    const failed = await s.api("POST", "/videos", {
      token: u.token,
      body: { topic: "Quantum tunnelling", subject: "PHYSICS", difficulty: "ADVANCED" },
    });
    await settled(failed.body.id, u.token);
    expect((await s.api("POST", `/videos/${failed.body.id}/retry`, { token: owner.token, body: {} })).status).toBe(404);
    const retried = await s.api("POST", `/videos/${failed.body.id}/retry`, { token: u.token, body: {} });
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ status: "PENDING", failureCode: null, failureReason: null });
    expect((await settled(failed.body.id, u.token)).status).toBe("FAILED");
  });
});

describe("restarts", () => {
  it("a generation left GENERATING by a dead worker is resumed and finishes", async () => {
    const u = await makeUser(s);
    const [row] = await s.ctx.db.query<{ id: string }>(
      `insert into public.videos (title, subject, difficulty, topic, created_by, status, source_text, claimed_by, claimed_at)
       values ('Photosynthesis', 'BIOLOGY', 'BEGINNER', 'Photosynthesis', $1, 'GENERATING', $2, 'dead-job', now() - interval '1 hour') returning id`,
      [u.id, NOTES],
    );
    const { resumeUnfinished } = await import("../src/videos/worker.js");
    await resumeUnfinished(s.ctx);
    expect((await settled(row.id, u.token)).status).toBe("PUBLIC");
  });
});
