// Signed media URLs: a PRIVATE lesson's <video src> cannot send Authorization, so its creator gets a
// short-lived token bound to the lesson, the user and the session, checked by the file routes.
// The video files are stored directly (no render): what is under test is who may fetch them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser, type TestServer, startTestServer } from "./harness.js";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.stop();
});

const MP4 = Buffer.alloc(4096, 7);
const VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHello\n";

/** A lesson of `ownerId` with a READY video whose files are in storage. */
async function lessonWithVideo(ownerId: string, status: "PUBLIC" | "PRIVATE") {
  const [row] = await s.ctx.db.query<{ id: string }>(
    `insert into public.videos (title, subject, difficulty, topic, created_by, status)
     values ('Cells', 'BIOLOGY', 'BEGINNER', 'Cells', $1, $2) returning id`,
    [ownerId, status],
  );
  await s.ctx.db.query(
    `insert into public.video_media (video_id, status, progress, duration_sec, size_bytes, version)
     values ($1, 'READY', 100, 12, $2, 42)`,
    [row.id, MP4.length],
  );
  await s.ctx.storage.put(`videos/${row.id}/video.mp4`, MP4, "video/mp4");
  await s.ctx.storage.put(`videos/${row.id}/captions.vtt`, Buffer.from(VTT), "text/vtt; charset=utf-8");
  await s.ctx.storage.put(`videos/${row.id}/chapters.vtt`, Buffer.from(VTT), "text/vtt; charset=utf-8");
  return row.id;
}

/** A file URL as a player fetches it: no Authorization header. */
const fetchFile = (url: string, headers: Record<string, string> = {}) => fetch(`${s.url}${url}`, { headers });
const sessionOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString()).sid as string;

describe("media tokens", () => {
  it("open the creator's PRIVATE lesson's files (Range too), which are 404 without one", async () => {
    const owner = await makeUser(s);
    const id = await lessonWithVideo(owner.id, "PRIVATE");
    const res = await s.api("GET", `/videos/${id}/media-token`, { token: owner.token });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const { token, expiresAt, mp4Url, captionsUrl, chaptersUrl } = res.body;
    const ttl = Date.parse(expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(50 * 60_000);
    expect(ttl).toBeLessThanOrEqual(60 * 60_000);
    expect(mp4Url).toBe(`/api/v1/videos/${id}/video.mp4?v=42&token=${token}`);

    const part = await fetchFile(mp4Url, { range: "bytes=0-99" });
    expect(part.status).toBe(206);
    expect((await part.arrayBuffer()).byteLength).toBe(100);
    expect(part.headers.get("cache-control")).toMatch(/^private/);
    const captions = await fetchFile(captionsUrl);
    expect(captions.status).toBe(200);
    expect(await captions.text()).toBe(VTT);
    expect((await fetchFile(chaptersUrl)).status).toBe(200);
    expect((await fetchFile(`/api/v1/videos/${id}/video.mp4?v=42`)).status).toBe(404);
  });

  it("are refused when forged, expired, for another lesson or after signing out (401); others and anonymous get none", async () => {
    const owner = await makeUser(s);
    const id = await lessonWithVideo(owner.id, "PRIVATE");
    const other = await lessonWithVideo(owner.id, "PRIVATE");
    const { token } = (await s.api("GET", `/videos/${id}/media-token`, { token: owner.token })).body;
    const file = (videoId: string, t: string) => fetchFile(`/api/v1/videos/${videoId}/video.mp4?token=${t}`);

    const forged = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
    const forgedRes = await file(id, forged);
    expect(forgedRes.status).toBe(401);
    expect((await forgedRes.json()).code).toBe("invalid_media_token");
    expect((await file(id, "garbage")).status).toBe(401);
    // The same token on the creator's other private lesson: the MAC covers the lesson's id.
    expect((await file(other, token)).status).toBe(401);
    // A longer validity written into the token breaks its MAC.
    const [u, sid, exp, mac] = token.split(".");
    expect((await file(id, [u, sid, Number(exp) + 3600, mac].join("."))).status).toBe(401);
    const expired = s.ctx.tokens.mediaToken(id, {
      userId: owner.id,
      sessionId: sessionOf(owner.token),
      expiresAt: Math.floor(Date.now() / 1000) - 1,
    });
    expect((await file(id, expired)).status).toBe(401);
    // Two `token` parameters are not a token.
    expect((await fetchFile(`/api/v1/videos/${id}/video.mp4?token=${token}&token=${token}`)).status).toBe(401);

    const stranger = await makeUser(s);
    expect((await s.api("GET", `/videos/${id}/media-token`, { token: stranger.token })).status).toBe(404);
    expect((await s.api("GET", `/videos/${id}/media-token`)).status).toBe(401);

    expect((await file(id, token)).status).toBe(200);
    expect((await s.api("POST", "/auth/logout", { token: owner.token, body: {} })).status).toBe(204);
    expect((await file(id, token)).status).toBe(401);
  });

  it("are not needed for a PUBLIC lesson; a lesson without a finished video has none to give", async () => {
    const owner = await makeUser(s);
    const id = await lessonWithVideo(owner.id, "PUBLIC");
    const res = await fetchFile(`/api/v1/videos/${id}/video.mp4?v=42`, { range: "bytes=0-9" });
    expect(res.status).toBe(206);
    expect(res.headers.get("cache-control")).toMatch(/^public/);
    // A viewer who may see it can still get one (clients need not branch on visibility).
    const stranger = await makeUser(s);
    expect((await s.api("GET", `/videos/${id}/media-token`, { token: stranger.token })).status).toBe(200);

    await s.ctx.db.query("update public.video_media set status = 'RENDERING', version = null where video_id = $1", [
      id,
    ]);
    expect((await s.api("GET", `/videos/${id}/media-token`, { token: owner.token })).status).toBe(404);
    expect((await s.api("GET", "/videos/not-a-uuid/media-token", { token: owner.token })).status).toBe(400);
  });

  it("is in the OpenAPI document, and the file routes document `token`", async () => {
    const doc = await (await fetch(`${s.url}/api/v1/openapi.json`)).json();
    const op = doc.paths["/videos/{id}/media-token"].get;
    expect(op.security).toEqual([{ bearer: [] }]);
    expect(op.responses["200"].content["application/json"].schema.required).toEqual(
      expect.arrayContaining(["token", "expiresAt", "mp4Url", "captionsUrl", "chaptersUrl"]),
    );
    const params = doc.paths["/videos/{id}/video.mp4"].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(["id", "v", "token"]));
  });
});
