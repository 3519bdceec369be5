// Fuzzes every operation of the served OpenAPI document with hostile values per schema type
// (NUL bytes, huge strings, wrong types, deep nesting, odd unicode, out-of-range numbers, bad
// uuids, dates and cursors) in path, query and body, with and without a token. Whatever the
// input, the answer is never a 5xx, and every 4xx is problem+json (naming the field when invalid).
// Seeded: FUZZ_SEED=<n> replays another sequence; the default is fixed, so CI sends the same set.
import { writeFileSync } from "node:fs";
import { VIDEO_SORTS } from "@lm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../src/config.js";
import { type FuzzRequest, type Fixtures, operationsOf, requestsFor } from "./fuzz/cases.js";
import { seededRandom } from "./fuzz/values.js";
import { makeUser, PASSWORD, type Res, type TestServer, startTestServer } from "./harness.js";

const SEED = Number(process.env.FUZZ_SEED ?? 20_240_612);
const CONCURRENCY = 8;

let s: TestServer;
let user: Awaited<ReturnType<typeof makeUser>>;
let moderator: Awaited<ReturnType<typeof makeUser>>;
// Reports go to another student's lesson and comment, so a reason gets past "not your own".
const real = { videos: [] as string[], comment: "", event: "", othersVideo: "", othersComment: "" };
const cursors: Record<string, Array<{ query: Record<string, string>; cursor: string }>> = {};

async function insertVideo(title: string, by = user.id) {
  const [row] = await s.ctx.db.query<{ id: string }>(
    `insert into public.videos (title, subject, difficulty, topic, created_by, status, tags)
     values ($1, 'BIOLOGY', 'BEGINNER', 'Photosynthesis', $2, 'PUBLIC', array['plants']) returning id`,
    [title, by],
  );
  return row.id;
}

/** The first page's nextCursor for `path?query&limit=1`: a cursor the server itself produced. */
async function realCursor(path: string, query: Record<string, string>, token?: string) {
  const res = await s.api("GET", `${path}?${new URLSearchParams({ ...query, limit: "1" })}`, { token });
  if (typeof res.body?.nextCursor !== "string") throw new Error(`no cursor from ${path} ${JSON.stringify(res.body)}`);
  cursors[path] = [...(cursors[path] ?? []), { query, cursor: res.body.nextCursor }];
}

beforeAll(async () => {
  const limits = testConfig().rateLimits;
  // The fuzz sends thousands of requests; the limiter is not what is under test here.
  s = await startTestServer({ rateLimits: { ...limits, ipPerMinute: 1_000_000, userPerMinute: 1_000_000 } });
  user = await makeUser(s, { name: "fuzz" });
  moderator = await makeUser(s, { role: "MODERATOR", name: "fuzzmod" });
  const reporter = await makeUser(s, { name: "reporter" });
  for (const title of ["Photosynthesis in leaves", "Photosynthesis and light", "Photosynthesis quiz"])
    real.videos.push(await insertVideo(title));
  for (const text of ["Great lesson", "Very clear"]) {
    const c = await s.api("POST", "/comments", { token: user.token, body: { videoId: real.videos[0], text } });
    real.comment = c.body.id;
  }
  const e = await s.api("POST", "/planner/events", {
    token: user.token,
    body: { title: "Biology exam", type: "EXAM", startDate: "2031-03-04T10:00:00Z" },
  });
  real.event = e.body.id;
  for (const title of ["Exam tomorrow", "New comment"])
    await s.ctx.db.query("insert into public.notifications (user_id, kind, title) values ($1, 'test', $2)", [
      user.id,
      title,
    ]);
  real.othersVideo = await insertVideo("Photosynthesis by another student", reporter.id);
  const theirs = { videoId: real.videos[0], text: "My own notes" };
  real.othersComment = (await s.api("POST", "/comments", { token: reporter.token, body: theirs })).body.id;
  for (const id of real.videos.slice(0, 2))
    await s.api("POST", `/videos/${id}/report`, { token: reporter.token, body: { reason: "spam" } });

  for (const sort of VIDEO_SORTS) await realCursor("/videos", { sort }, user.token);
  await realCursor("/videos", { q: "photosynthesis" });
  await realCursor("/comments", { videoId: real.videos[0] });
  await realCursor("/notifications", {}, user.token);
  await realCursor("/moderation/videos", {}, moderator.token);
});
afterAll(() => s?.stop());

let emails = 0;
const fixtures: Fixtures = {
  realId(path, param) {
    if (param === "videoId") return real.videos[0];
    if (param === "examEventId" || param === "linkedEventId") return real.event;
    if (path === "/videos/{id}/report") return real.othersVideo;
    if (path === "/comments/{id}/report") return real.othersComment;
    if (path.startsWith("/users")) return user.id;
    if (path.startsWith("/comments")) return real.comment;
    if (path.startsWith("/planner")) return real.event;
    if (path.startsWith("/moderation")) return real.videos[2];
    return real.videos[0];
  },
  valueFor(field) {
    const known: Record<string, unknown> = {
      email: `fuzz-${SEED}-${++emails}@example.com`,
      password: PASSWORD,
      avatarColor: "#336699",
      rrule: "FREQ=WEEKLY;BYDAY=MO",
      displayName: "Fuzz",
    };
    return known[field];
  },
  cursors: (path) => cursors[path] ?? [],
};

interface Outcome {
  req: FuzzRequest;
  token: "token" | "anonymous";
  res: Res;
}

/** Problems with one response, as readable lines; empty when it is what the contract promises. */
function problemsWith({ req, token, res }: Outcome): string[] {
  const where = `${req.op} · ${req.what} · ${token} → ${res.status}`;
  if (res.status >= 500) return [`${where} ${JSON.stringify(res.body).slice(0, 200)}`];
  if (res.status < 400) return [];
  const type = res.headers.get("content-type") ?? "";
  if (!type.startsWith("application/problem+json")) return [`${where} answered ${type || "no content type"}`];
  if (res.body?.status !== res.status || typeof res.body?.code !== "string") return [`${where} malformed problem`];
  const errors: unknown = res.body.errors;
  if (
    res.body.code === "validation_error" &&
    !(Array.isArray(errors) && errors.length > 0 && errors.every((e) => typeof e?.path === "string" && e.path))
  )
    return [`${where} validation_error without a field: ${res.body.detail}`];
  return [];
}

async function runAll(requests: Array<{ req: FuzzRequest; token?: string; ip: string }>) {
  const outcomes: Outcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const { req, token, ip } = requests[next++];
      const headers = { ...req.headers };
      if (req.method === "POST") headers["idempotency-key"] = `fuzz-${SEED}-${next}`;
      const res = await s.api(req.method, req.url, { token, raw: req.body, headers, ip });
      outcomes.push({ req, token: token ? "token" : "anonymous", res });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return outcomes;
}

describe("OpenAPI fuzz", () => {
  it("no input to any documented operation gives a 5xx; every 4xx is problem+json naming the field", async () => {
    const doc = (await s.api("GET", "/openapi.json")).body;
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThan(30);
    const rng = seededRandom(SEED);
    const ip = () => `10.${rng.int(256)}.${rng.int(256)}.${rng.int(256)}`;
    const requests: Array<{ req: FuzzRequest; token?: string; ip: string }> = [];
    for (const op of operations) {
      for (const req of requestsFor(op, fixtures, rng)) {
        requests.push({ req, ip: ip() });
        let token = op.path.startsWith("/moderation") ? moderator.token : user.token;
        // Logging out ends the session it is sent with: give each its own.
        if (op.path === "/auth/logout") token = (await makeUser(s, { name: "logout" })).token;
        requests.push({ req, token, ip: ip() });
      }
    }
    const outcomes = await runAll(requests);
    // FUZZ_REPORT=<file> keeps every outcome for a closer look (and for before/after counts).
    if (process.env.FUZZ_REPORT)
      writeFileSync(
        process.env.FUZZ_REPORT,
        outcomes
          .map((o) =>
            JSON.stringify({
              op: o.req.op,
              what: o.req.what,
              token: o.token,
              status: o.res.status,
              code: o.res.body?.code,
            }),
          )
          .join("\n"),
      );
    const problems = outcomes.flatMap(problemsWith);
    const fiveHundreds = new Set(outcomes.filter((o) => o.res.status >= 500).map((o) => `${o.req.op} · ${o.req.what}`));
    expect(
      problems,
      `${requests.length} requests; ${fiveHundreds.size} distinct inputs gave a 5xx:\n${[...fiveHundreds].join("\n")}`,
    ).toEqual([]);
    // The fuzz reached the handlers: plenty of requests passed validation, so it tests more than 400s.
    expect(outcomes.filter((o) => o.res.status < 300).length).toBeGreaterThan(50);
  }, 600_000); // ~6,640 requests: 137 s (PostgreSQL) to 400 s (PGlite) at a load average of 20-30
});
