// Backups round-trip: users, a lesson with its thumbnail, comments, a planner event and its pending
// reminder, all backed up by `npm run backup` while the app runs and writes, then restored by
// `npm run restore` into an empty data directory (and, on the server driver, a new database) and
// found again through the API. Scheduled backups keep BACKUP_KEEP.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listBackups } from "../../src/backup/snapshot.js";
import { NOTES } from "../fixtures/notes.js";
import { freshPgDatabase, makeUser, PASSWORD, type TestServer, startTestServer, waitFor } from "../harness.js";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "..", "..", "..", "..");
const CLI = join(ROOT, "apps", "server", "src", "backup", "cli.ts");

/** The real commands, as separate processes: `npm run backup|restore` run exactly this. */
function cli(args: string[], env: Record<string, string | undefined>) {
  const clean = Object.fromEntries(
    Object.entries({ ...process.env, NODE_ENV: "development", LOG_LEVEL: "silent", ...env }).filter(
      ([k, v]) => v !== undefined && !k.startsWith("VITEST"),
    ),
  ) as Record<string, string>;
  return run(process.execPath, ["--import", "tsx", CLI, ...args], { cwd: ROOT, env: clean });
}

const onServer = Boolean(process.env.DATABASE_URL);
let dataDir: string;
let restoredDir: string;
let s: TestServer;
let restoredDb: Awaited<ReturnType<typeof freshPgDatabase>> | null = null;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "lm-backup-src-"));
  restoredDir = mkdtempSync(join(tmpdir(), "lm-backup-dst-"));
  s = await startTestServer({
    dataDir,
    backup: { cron: "30 2 * * *", keep: 2, dir: join(dataDir, "scheduled") },
  });
});
afterAll(async () => {
  await s?.stop().catch(() => {});
  await restoredDb?.drop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(restoredDir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("the worker schedules BACKUP_CRON and keeps the newest BACKUP_KEEP", async () => {
    const schedules = await s.ctx.queue.boss.getSchedules();
    expect(schedules).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "backup", cron: "30 2 * * *" })]),
    );
    // What the schedule does at 02:30, three times over; each run prunes to the newest two.
    const dir = s.ctx.config.backup.dir;
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      await s.ctx.queue.send("backup", {});
      const fresh = await waitFor(async () => (await listBackups(dir)).find((n) => !made.includes(n)), 60_000);
      made.push(fresh);
    }
    await waitFor(async () => (await listBackups(dir)).length === 2);
    expect(await listBackups(dir)).toEqual([made[2], made[1]]);
  });

  it("restores every user, lesson, comment, event and file into an empty place", async () => {
    const creator = await makeUser(s, { name: "Creator" });
    const reader = await makeUser(s, { name: "Reader" });
    const lesson = await s.api("POST", "/videos", {
      token: creator.token,
      body: { topic: "Photosynthesis", subject: "BIOLOGY", difficulty: "BEGINNER", sourceText: NOTES },
    });
    const videoId: string = lesson.body.id;
    const published = await waitFor(async () => {
      const v = await s.api("GET", `/videos/${videoId}`, { token: creator.token });
      return v.body.status === "PUBLIC" && v.body.thumbnailUrl ? v.body : null;
    }, 30_000);
    const thumbnail = Buffer.from(await (await fetch(`${s.url}/api/v1/videos/${videoId}/thumbnail.png`)).arrayBuffer());
    expect(thumbnail.subarray(1, 4).toString()).toBe("PNG");
    const comment = await s.api("POST", "/comments", {
      token: reader.token,
      body: { videoId, text: "This finally made the light reactions click." },
    });
    expect(comment.status).toBe(201);
    const exam = await s.api("POST", "/planner/events", {
      token: reader.token,
      body: { title: "Biology exam", type: "EXAM", startDate: "2031-06-02T09:00:00Z", reminders: [1440] },
    });
    expect(exam.status).toBe(201);

    // Back up while the app keeps writing: the copy must be one consistent moment.
    let writing = true;
    const writer = (async () => {
      // At most 60, so the first comment stays on the first page of 100 however fast the writes are.
      let n = 0;
      while (writing && n < 60)
        await s.api("POST", "/comments", { token: reader.token, body: { videoId, text: `Note ${n++}` } });
    })();
    const env = { DATA_DIR: dataDir, DATABASE_URL: onServer ? s.ctx.config.databaseUrl : undefined };
    const { stdout } = await cli(["backup", "--out", join(dataDir, "manual")], env);
    writing = false;
    await writer;
    const backupDir = stdout.trim();
    expect(readdirSync(backupDir)).toEqual(
      expect.arrayContaining([
        "manifest.json",
        onServer ? "database.dump" : "database.tar.gz",
        "storage",
        "jwt-secret",
      ]),
    );
    await s.stop();

    // A restore refuses a place that already holds data.
    writeFileSync(join(dataDir, "storage", "extra.txt"), "x");
    restoredDb = onServer ? await freshPgDatabase(process.env.DATABASE_URL as string) : null;
    await expect(cli(["restore", backupDir], { ...env, DATABASE_URL: restoredDb?.url })).rejects.toThrow(/not empty/);

    const restored = await cli(["restore", backupDir], { DATA_DIR: restoredDir, DATABASE_URL: restoredDb?.url });
    expect(restored.stdout).toContain("restored the backup");

    s = await startTestServer({ dataDir: restoredDir, databaseUrl: restoredDb?.url });
    // Passwords, sessions and the signing key came back: the old access token still works.
    expect((await s.api("GET", "/users/me", { token: reader.token })).status).toBe(200);
    for (const u of [creator, reader]) {
      const login = await s.api("POST", "/auth/login", { body: { email: u.email, password: PASSWORD } });
      expect(login.status).toBe(200);
    }
    const video = await s.api("GET", `/videos/${videoId}`);
    expect(video.body).toMatchObject({ id: videoId, title: published.title, status: "PUBLIC" });
    const restoredThumb = Buffer.from(
      await (await fetch(`${s.url}/api/v1/videos/${videoId}/thumbnail.png`)).arrayBuffer(),
    );
    expect(restoredThumb.equals(thumbnail)).toBe(true);
    const comments = await s.api("GET", `/comments?videoId=${videoId}&limit=100`);
    expect(comments.body.items.map((c: { id: string }) => c.id)).toContain(comment.body.id);
    // One moment: the trigger-kept counter matches the comments that made it into the copy.
    const [counts] = await s.ctx.db.query<{ kept: number; actual: number }>(
      "select v.comment_count as kept, (select count(*) from public.comments c where c.video_id = v.id)::int as actual from public.videos v where v.id = $1",
      [videoId],
    );
    expect(counts.kept).toBe(counts.actual);
    const event = await s.api("GET", `/planner/events/${exam.body.id}`, { token: reader.token });
    expect(event.body).toMatchObject({ title: "Biology exam", type: "EXAM" });
    // The reminder waiting in the queue for 2031 came back with it.
    const jobs = await s.ctx.db.query<{ n: number }>(
      "select count(*)::int as n from pgboss.job where name = 'send-reminder' and state = 'created' and data->>'eventId' = $1",
      [exam.body.id],
    );
    expect(jobs[0].n).toBe(1);
  });

  it("a damaged backup is refused before anything is written", async () => {
    const [name] = await listBackups(join(dataDir, "manual"));
    const dir = join(dataDir, "manual", name);
    const target = mkdtempSync(join(tmpdir(), "lm-backup-bad-"));
    try {
      writeFileSync(join(dir, "jwt-secret"), "tampered");
      const db = onServer ? await freshPgDatabase(process.env.DATABASE_URL as string) : null;
      await expect(cli(["restore", dir], { DATA_DIR: target, DATABASE_URL: db?.url })).rejects.toThrow(/damaged/);
      expect(readdirSync(target)).toEqual([]);
      await db?.drop();
    } finally {
      rmSync(target, { recursive: true, force: true });
    }
  });
});
