// The database's own rules, as a client talking to it directly sees them (Supabase: PostgREST with
// the user's JWT, so table writes and function calls as `anon` or `authenticated` with claims).
// Each row: who, the statement, and what must happen — run in a transaction that is rolled back,
// so rows never affect each other. The API's rules are the reference: whatever the API refuses a
// user must be refused here too, and whatever it allows must still work.
//
// Outcomes: "ok" (succeeds; a RETURNING statement returns a row), "none" (succeeds, no row: RLS
// filtered it), "denied" (SQLSTATE 42501: no privilege, a policy's WITH CHECK, or a guard trigger).
// `after`: SQL run afterwards as the database owner in the same transaction; must return true.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, migrate, openDb } from "../src/db/index.js";
import { actAsSql } from "../src/db/types.js";
import { freshPgDatabase } from "./harness.js";

type Who = "anon" | "A" | "B" | "M" | "service";
type Outcome = "ok" | "none" | "denied";

interface Fixture {
  A: string;
  B: string;
  M: string;
  // Videos: creator A or B, then status.
  aPublic: string;
  aPrivate: string;
  aRejected: string;
  aPrivateRated: string; // B rated it while it was public
  bPublic: string;
  bPrivate: string;
  bRejected: string;
  bPending: string;
  bFailed: string;
  bGenerating: string;
  // Comments.
  aComment: string; // A's, visible, on aPublic
  aHiddenComment: string; // A's, hidden (FLAGGED), on aPublic
  aCommentOnPrivate: string; // A's, visible, on aPrivate
  bRejectedComment: string; // B's, rejected by a moderator, on aPublic
  bApprovedComment: string; // B's, visible, on aPublic
  // Planner.
  aExam: string;
  bExam: string;
  bSession: string; // linked to bExam
  aNotification: string;
  bNotification: string;
}

interface Case {
  who: Who;
  sql: (f: Fixture) => string;
  expect: Outcome;
  after?: (f: Fixture) => string;
}

const uuid = (f: Fixture, k: keyof Fixture) => `'${f[k]}'`;

/** Rows grouped by table; the name of each row says who tries what and why it must (not) work. */
const MATRIX: Record<string, Record<string, Case>> = {
  comments: {
    "B un-hides and approves B's own rejected comment": {
      who: "B",
      sql: (f) =>
        `update public.comments set is_hidden = false, moderation_status = 'APPROVED', moderation_reason = null
          where id = ${uuid(f, "bRejectedComment")} returning id`,
      expect: "denied",
    },
    "B un-hides B's own rejected comment (is_hidden only)": {
      who: "B",
      sql: (f) => `update public.comments set is_hidden = false where id = ${uuid(f, "bRejectedComment")} returning id`,
      expect: "denied",
    },
    "B posts a comment born APPROVED and visible": {
      who: "B",
      sql: (f) =>
        `insert into public.comments (video_id, user_id, text, is_hidden, moderation_status)
         values (${uuid(f, "aPublic")}, ${uuid(f, "B")}, 'hi', false, 'APPROVED') returning id`,
      expect: "denied",
    },
    "B edits B's rejected comment's text: allowed, and it stays hidden for review": {
      who: "B",
      sql: (f) => `update public.comments set text = 'sorry' where id = ${uuid(f, "bRejectedComment")} returning id`,
      expect: "ok",
      after: (f) =>
        `select is_hidden and moderation_status = 'FLAGGED' from public.comments where id = ${uuid(f, "bRejectedComment")}`,
    },
    "B edits B's approved comment's text: the new text waits for review (unmoderated text is never shown)": {
      who: "B",
      sql: (f) => `update public.comments set text = 'new text' where id = ${uuid(f, "bApprovedComment")} returning id`,
      expect: "ok",
      after: (f) =>
        `select is_hidden and moderation_status = 'FLAGGED' from public.comments where id = ${uuid(f, "bApprovedComment")}`,
    },
    "B comments on A's PUBLIC video: allowed, held for review": {
      who: "B",
      sql: (f) =>
        `insert into public.comments (video_id, user_id, text) values (${uuid(f, "aPublic")}, ${uuid(f, "B")}, 'hi') returning id`,
      expect: "ok",
      after: (f) =>
        `select bool_and(is_hidden and moderation_status = 'FLAGGED') from public.comments where user_id = ${uuid(f, "B")} and text = 'hi'`,
    },
    "B comments on A's PRIVATE video": {
      who: "B",
      sql: (f) =>
        `insert into public.comments (video_id, user_id, text) values (${uuid(f, "aPrivate")}, ${uuid(f, "B")}, 'hi') returning id`,
      expect: "denied",
    },
    "B comments on A's REJECTED video": {
      who: "B",
      sql: (f) =>
        `insert into public.comments (video_id, user_id, text) values (${uuid(f, "aRejected")}, ${uuid(f, "B")}, 'hi') returning id`,
      expect: "denied",
    },
    "B comments on B's own PRIVATE video": {
      who: "B",
      sql: (f) =>
        `insert into public.comments (video_id, user_id, text) values (${uuid(f, "bPrivate")}, ${uuid(f, "B")}, 'hi') returning id`,
      expect: "ok",
    },
    "a moderator comments on A's PRIVATE video (moderators see every lesson)": {
      who: "M",
      sql: (f) =>
        `insert into public.comments (video_id, user_id, text) values (${uuid(f, "aPrivate")}, ${uuid(f, "M")}, 'hi') returning id`,
      expect: "ok",
    },
    "B comments as A": {
      who: "B",
      sql: (f) =>
        `insert into public.comments (video_id, user_id, text) values (${uuid(f, "aPublic")}, ${uuid(f, "A")}, 'hi') returning id`,
      expect: "denied",
    },
    "B edits A's comment": {
      who: "B",
      sql: (f) => `update public.comments set text = 'pwned' where id = ${uuid(f, "aComment")} returning id`,
      expect: "none",
    },
    "B resets the report counters on B's comment": {
      who: "B",
      sql: (f) =>
        `update public.comments set reports_since_review = 0, report_count = 0 where id = ${uuid(f, "bRejectedComment")} returning id`,
      expect: "denied",
    },
    "B marks B's comment as reviewed": {
      who: "B",
      sql: (f) =>
        `update public.comments set reviewed_by = ${uuid(f, "B")}, reviewed_at = now() where id = ${uuid(f, "bApprovedComment")} returning id`,
      expect: "denied",
    },
    "B deletes A's comment": {
      who: "B",
      sql: (f) => `delete from public.comments where id = ${uuid(f, "aComment")} returning id`,
      expect: "none",
    },
    "A (the video's creator) deletes B's comment under A's video": {
      who: "A",
      sql: (f) => `delete from public.comments where id = ${uuid(f, "bApprovedComment")} returning id`,
      expect: "ok",
    },
    "anon reads visible comments only": {
      who: "anon",
      sql: () => "select id from public.comments where is_hidden",
      expect: "none",
    },
    "anon posts a comment": {
      who: "anon",
      sql: (f) =>
        `insert into public.comments (video_id, user_id, text) values (${uuid(f, "aPublic")}, ${uuid(f, "B")}, 'hi') returning id`,
      expect: "denied",
    },
  },
  comment_reports: {
    "B reports A's visible comment": {
      who: "B",
      sql: (f) =>
        `insert into public.comment_reports (comment_id, user_id) values (${uuid(f, "aComment")}, ${uuid(f, "B")}) returning comment_id`,
      expect: "ok",
    },
    "B reports B's own comment": {
      who: "B",
      sql: (f) =>
        `insert into public.comment_reports (comment_id, user_id) values (${uuid(f, "bApprovedComment")}, ${uuid(f, "B")}) returning comment_id`,
      expect: "denied",
    },
    "B reports A's hidden comment (B cannot see it)": {
      who: "B",
      sql: (f) =>
        `insert into public.comment_reports (comment_id, user_id) values (${uuid(f, "aHiddenComment")}, ${uuid(f, "B")}) returning comment_id`,
      expect: "denied",
    },
    "B reports A's comment on A's PRIVATE video": {
      who: "B",
      sql: (f) =>
        `insert into public.comment_reports (comment_id, user_id) values (${uuid(f, "aCommentOnPrivate")}, ${uuid(f, "B")}) returning comment_id`,
      expect: "denied",
    },
    "B reports as A": {
      who: "B",
      sql: (f) =>
        `insert into public.comment_reports (comment_id, user_id) values (${uuid(f, "bApprovedComment")}, ${uuid(f, "A")}) returning comment_id`,
      expect: "denied",
    },
  },
  ratings: {
    "B rates A's PUBLIC video again (the API's upsert)": {
      who: "B",
      sql: (f) =>
        `insert into public.ratings (video_id, user_id, stars) values (${uuid(f, "aPublic")}, ${uuid(f, "B")}, 5)
         on conflict (video_id, user_id) do update set stars = excluded.stars returning id`,
      expect: "ok",
      after: (f) => `select rating_sum = 5 and rating_count = 1 from public.videos where id = ${uuid(f, "aPublic")}`,
    },
    "a moderator rates A's PUBLIC video": {
      who: "M",
      sql: (f) =>
        `insert into public.ratings (video_id, user_id, stars) values (${uuid(f, "aPublic")}, ${uuid(f, "M")}, 2) returning id`,
      expect: "ok",
    },
    "B rates A's REJECTED video": {
      who: "B",
      sql: (f) =>
        `insert into public.ratings (video_id, user_id, stars) values (${uuid(f, "aRejected")}, ${uuid(f, "B")}, 5) returning id`,
      expect: "denied",
    },
    "B rates A's PRIVATE video": {
      who: "B",
      sql: (f) =>
        `insert into public.ratings (video_id, user_id, stars) values (${uuid(f, "aPrivate")}, ${uuid(f, "B")}, 5) returning id`,
      expect: "denied",
    },
    "B rates B's own video": {
      who: "B",
      sql: (f) =>
        `insert into public.ratings (video_id, user_id, stars) values (${uuid(f, "bPublic")}, ${uuid(f, "B")}, 5) returning id`,
      expect: "denied",
    },
    "B rates as A": {
      who: "B",
      sql: (f) =>
        `insert into public.ratings (video_id, user_id, stars) values (${uuid(f, "bPublic")}, ${uuid(f, "A")}, 1) returning id`,
      expect: "denied",
    },
    "B changes the stars of a rating on a video that has since gone PRIVATE": {
      who: "B",
      sql: (f) =>
        `update public.ratings set stars = 1 where video_id = ${uuid(f, "aPrivateRated")} and user_id = ${uuid(f, "B")} returning id`,
      expect: "denied",
    },
    "B moves B's rating to another video": {
      who: "B",
      sql: (f) =>
        `update public.ratings set video_id = ${uuid(f, "bPublic")} where user_id = ${uuid(f, "B")} returning id`,
      expect: "denied",
    },
    "a moderator rates A's PRIVATE video (moderators see every lesson)": {
      who: "M",
      sql: (f) =>
        `insert into public.ratings (video_id, user_id, stars) values (${uuid(f, "aPrivate")}, ${uuid(f, "M")}, 3) returning id`,
      expect: "ok",
    },
  },
  video_reports: {
    "B reports A's PUBLIC video": {
      who: "B",
      sql: (f) =>
        `insert into public.video_reports (video_id, user_id, reason) values (${uuid(f, "aPublic")}, ${uuid(f, "B")}, 'wrong') returning video_id`,
      expect: "ok",
    },
    "B reports A's PRIVATE video": {
      who: "B",
      sql: (f) =>
        `insert into public.video_reports (video_id, user_id) values (${uuid(f, "aPrivate")}, ${uuid(f, "B")}) returning video_id`,
      expect: "denied",
    },
    "B reports B's own PUBLIC video": {
      who: "B",
      sql: (f) =>
        `insert into public.video_reports (video_id, user_id) values (${uuid(f, "bPublic")}, ${uuid(f, "B")}) returning video_id`,
      expect: "denied",
    },
    "a moderator reports A's PRIVATE video (only published lessons can be reported)": {
      who: "M",
      sql: (f) =>
        `insert into public.video_reports (video_id, user_id) values (${uuid(f, "aPrivate")}, ${uuid(f, "M")}) returning video_id`,
      expect: "denied",
    },
    "B reports as A": {
      who: "B",
      sql: (f) =>
        `insert into public.video_reports (video_id, user_id) values (${uuid(f, "bPublic")}, ${uuid(f, "A")}) returning video_id`,
      expect: "denied",
    },
    "B files a report already resolved": {
      who: "B",
      sql: (f) =>
        `insert into public.video_reports (video_id, user_id, resolved_at) values (${uuid(f, "aPublic")}, ${uuid(f, "B")}, now()) returning video_id`,
      expect: "denied",
    },
  },
  videos: {
    "B sets B's REJECTED video back to PUBLIC": {
      who: "B",
      sql: (f) =>
        `update public.videos set status = 'PUBLIC', visibility = 'PUBLIC' where id = ${uuid(f, "bRejected")} returning id`,
      expect: "denied",
    },
    "B clears the moderator's reason on B's REJECTED video": {
      who: "B",
      sql: (f) => `update public.videos set failure_reason = null where id = ${uuid(f, "bRejected")} returning id`,
      expect: "denied",
    },
    "B publishes B's PENDING video before it is generated": {
      who: "B",
      sql: (f) => `update public.videos set status = 'PUBLIC' where id = ${uuid(f, "bPending")} returning id`,
      expect: "denied",
    },
    "B marks B's GENERATING video FAILED": {
      who: "B",
      sql: (f) =>
        `update public.videos set status = 'FAILED', failure_reason = 'x' where id = ${uuid(f, "bGenerating")} returning id`,
      expect: "denied",
    },
    "B resets the attempts of B's FAILED video without retrying": {
      who: "B",
      sql: (f) => `update public.videos set attempts = 0 where id = ${uuid(f, "bFailed")} returning id`,
      expect: "denied",
    },
    "B makes B's PUBLIC video PRIVATE (status and visibility, as the API does)": {
      who: "B",
      sql: (f) =>
        `update public.videos set status = 'PRIVATE', visibility = 'PRIVATE' where id = ${uuid(f, "bPublic")} returning id`,
      expect: "ok",
    },
    "B makes B's PRIVATE video PUBLIC": {
      who: "B",
      sql: (f) =>
        `update public.videos set status = 'PUBLIC', visibility = 'PUBLIC' where id = ${uuid(f, "bPrivate")} returning id`,
      expect: "ok",
    },
    "B makes B's PUBLIC video PRIVATE but leaves its visibility PUBLIC": {
      who: "B",
      sql: (f) => `update public.videos set status = 'PRIVATE' where id = ${uuid(f, "bPublic")} returning id`,
      expect: "denied",
    },
    "B retries B's FAILED video (PENDING, reason and attempts cleared, as the API does)": {
      who: "B",
      sql: (f) =>
        `update public.videos set status = 'PENDING', failure_reason = null, attempts = 0
          where id = ${uuid(f, "bFailed")} and status = 'FAILED' returning id`,
      expect: "ok",
    },
    "B chooses the visibility of B's PENDING video": {
      who: "B",
      sql: (f) => `update public.videos set visibility = 'PRIVATE' where id = ${uuid(f, "bPending")} returning id`,
      expect: "ok",
    },
    "B renames B's REJECTED video (the API allows title and tags at any status)": {
      who: "B",
      sql: (f) =>
        `update public.videos set title = 'renamed', tags = '{a}' where id = ${uuid(f, "bRejected")} returning id`,
      expect: "ok",
    },
    "B edits A's video": {
      who: "B",
      sql: (f) => `update public.videos set title = 'pwned' where id = ${uuid(f, "aPublic")} returning id`,
      expect: "none",
    },
    "B inserts a video born PUBLIC": {
      who: "B",
      sql: (f) =>
        `insert into public.videos (title, subject, difficulty, topic, created_by, status)
         values ('x', 'MATH', 'BEGINNER', 'x', ${uuid(f, "B")}, 'PUBLIC') returning id`,
      expect: "denied",
    },
    "B inserts a video as A": {
      who: "B",
      sql: (f) =>
        `insert into public.videos (title, subject, difficulty, topic, created_by)
         values ('x', 'MATH', 'BEGINNER', 'x', ${uuid(f, "A")}) returning id`,
      expect: "denied",
    },
    "B requests a video (as the API does)": {
      who: "B",
      sql: (f) =>
        `insert into public.videos (title, subject, difficulty, topic, created_by, visibility, source_text)
         values ('x', 'MATH', 'BEGINNER', 'x', ${uuid(f, "B")}, 'PRIVATE', null) returning id`,
      expect: "ok",
    },
    "B inflates B's own counters": {
      who: "B",
      sql: (f) => `update public.videos set view_count = 1000 where id = ${uuid(f, "bPublic")} returning id`,
      expect: "denied",
    },
    "B deletes A's video": {
      who: "B",
      sql: (f) => `delete from public.videos where id = ${uuid(f, "aPublic")} returning id`,
      expect: "none",
    },
    "a moderator deletes A's video": {
      who: "M",
      sql: (f) => `delete from public.videos where id = ${uuid(f, "aPublic")} returning id`,
      expect: "ok",
    },
    "anon reads no PRIVATE or REJECTED video": {
      who: "anon",
      sql: () => "select id from public.videos where status <> 'PUBLIC'",
      expect: "none",
    },
  },
  planner_events: {
    "B creates an event linked to A's event": {
      who: "B",
      sql: (f) =>
        `insert into public.planner_events (user_id, title, type, start_date, linked_event_id)
         values (${uuid(f, "B")}, 'study', 'STUDY_SESSION', now(), ${uuid(f, "aExam")}) returning id`,
      expect: "denied",
    },
    "B links B's event to A's event": {
      who: "B",
      sql: (f) =>
        `update public.planner_events set linked_event_id = ${uuid(f, "aExam")} where id = ${uuid(f, "bSession")} returning id`,
      expect: "denied",
    },
    "B links B's event to itself": {
      who: "B",
      sql: (f) =>
        `update public.planner_events set linked_event_id = id where id = ${uuid(f, "bSession")} returning id`,
      expect: "denied",
    },
    "B creates an event linked to B's exam": {
      who: "B",
      sql: (f) =>
        `insert into public.planner_events (user_id, title, type, start_date, linked_event_id)
         values (${uuid(f, "B")}, 'study', 'STUDY_SESSION', now(), ${uuid(f, "bExam")}) returning id`,
      expect: "ok",
    },
    "B edits B's linked session (the link stays)": {
      who: "B",
      sql: (f) => `update public.planner_events set title = 'renamed' where id = ${uuid(f, "bSession")} returning id`,
      expect: "ok",
    },
    "B deletes B's exam: B's linked session loses its link": {
      who: "B",
      sql: (f) => `delete from public.planner_events where id = ${uuid(f, "bExam")} returning id`,
      expect: "ok",
      after: (f) => `select linked_event_id is null from public.planner_events where id = ${uuid(f, "bSession")}`,
    },
    "B creates an event for A": {
      who: "B",
      sql: (f) =>
        `insert into public.planner_events (user_id, title, type, start_date)
         values (${uuid(f, "A")}, 'x', 'EXAM', now()) returning id`,
      expect: "denied",
    },
    "B moves B's event to A": {
      who: "B",
      sql: (f) =>
        `update public.planner_events set user_id = ${uuid(f, "A")} where id = ${uuid(f, "bSession")} returning id`,
      expect: "denied",
    },
    "B reads A's events": {
      who: "B",
      sql: (f) => `select id from public.planner_events where user_id = ${uuid(f, "A")}`,
      expect: "none",
    },
  },
  notifications: {
    "B writes B a notification": {
      who: "B",
      sql: (f) =>
        `insert into public.notifications (user_id, kind, title) values (${uuid(f, "B")}, 'x', 'Session expired') returning id`,
      expect: "denied",
    },
    "B marks B's notification read": {
      who: "B",
      sql: (f) => `update public.notifications set read_at = now() where id = ${uuid(f, "bNotification")} returning id`,
      expect: "ok",
    },
    "B rewrites B's notification": {
      who: "B",
      sql: (f) => `update public.notifications set title = 'x' where id = ${uuid(f, "bNotification")} returning id`,
      expect: "denied",
    },
    "B marks A's notification read": {
      who: "B",
      sql: (f) => `update public.notifications set read_at = now() where id = ${uuid(f, "aNotification")} returning id`,
      expect: "none",
    },
  },
  "users and private tables": {
    "B makes B an admin": {
      who: "B",
      sql: () => "update public.users set role = 'ADMIN' returning id",
      expect: "denied",
    },
    "B changes B's display name": {
      who: "B",
      sql: () => "update public.users set display_name = 'Bob' returning id",
      expect: "ok",
    },
    "anon lists users": { who: "anon", sql: () => "select id from public.users", expect: "denied" },
    "B reads sessions": { who: "B", sql: () => "select id from auth.sessions", expect: "denied" },
    "B counts a view": {
      who: "B",
      sql: (f) =>
        `insert into public.video_views (video_id, viewer_key) values (${uuid(f, "aPublic")}, 'x') returning video_id`,
      expect: "denied",
    },
    "B marks a render READY": {
      who: "B",
      sql: (f) =>
        `insert into public.video_media (video_id, status) values (${uuid(f, "bPublic")}, 'READY') returning video_id`,
      expect: "denied",
    },
  },
  functions: {
    "anon pushes a fake notification.created to B's socket via lm_emit": {
      who: "anon",
      sql: (f) =>
        `select public.lm_emit('user:' || ${uuid(f, "B")}, 'notification.created',
           '{"title": "Session expired - sign in at https://evil.example"}'::jsonb)`,
      expect: "denied",
    },
    "B calls lm_emit": {
      who: "B",
      sql: (f) => `select public.lm_emit('user:' || ${uuid(f, "A")}, 'notification.created', '{}'::jsonb)`,
      expect: "denied",
    },
    "anon calls pg_notify on the events channel": {
      who: "anon",
      sql: () => `select pg_notify('lm_events', '{"channel":"user:x","event":"notification.created","data":{}}')`,
      expect: "denied",
    },
    "B calls pg_notify": {
      who: "B",
      sql: () => "select pg_notify('lm_feed', '')",
      expect: "denied",
    },
    "anon runs refresh_trending_scores()": {
      who: "anon",
      sql: () => "select public.refresh_trending_scores()",
      expect: "denied",
    },
    "B runs refresh_trending_scores()": {
      who: "B",
      sql: () => "select public.refresh_trending_scores()",
      expect: "denied",
    },
    "the worker (service_role) runs refresh_trending_scores()": {
      who: "service",
      sql: () => "select public.refresh_trending_scores()",
      expect: "ok",
    },
    "service_role can still notify": {
      who: "service",
      sql: () => "select pg_notify('lm_test', '')",
      expect: "ok",
    },
    "anon reads a public video's rating distribution": {
      who: "anon",
      sql: (f) => `select * from public.rating_distribution(${uuid(f, "aPublic")})`,
      expect: "ok",
    },
    "anon reads no distribution of a PRIVATE video": {
      who: "anon",
      sql: (f) => `select * from public.rating_distribution(${uuid(f, "aPrivate")})`,
      expect: "none",
    },
    "B calls auth.uid()": { who: "B", sql: () => "select auth.uid()", expect: "ok" },
  },
};

/** Client-callable functions: every other function in public and auth is internal. */
const CLIENT_FUNCTIONS = [
  "auth.claims",
  "auth.uid",
  "auth.is_moderator",
  "public.rating_distribution",
  // Used by the generated search column, evaluated as the inserting role; pure, harmless.
  "public.lm_join",
];

const pgUrl = process.env.DATABASE_URL;
let db: Db;
let dropDb: (() => Promise<void>) | undefined;
let f: Fixture;

beforeAll(async () => {
  if (pgUrl) {
    const fresh = await freshPgDatabase(pgUrl);
    db = await openDb({ databaseUrl: fresh.url, dataDir: null });
    dropDb = fresh.drop;
  } else {
    db = await openDb({ dataDir: null });
  }
  await migrate(db);
  f = await seed(db);
});
afterAll(async () => {
  await db?.close();
  await dropDb?.();
});

class Rollback extends Error {
  constructor(readonly outcome: { rows: number; afterValue?: unknown }) {
    super("rollback");
  }
}

function preamble(who: Who): string {
  if (who === "anon") return actAsSql("anon");
  if (who === "service") return actAsSql("service_role");
  return actAsSql("authenticated", f[who]);
}

/** Runs one row and rolls it back; what happened, or the SQLSTATE it failed with. */
async function run(c: Case): Promise<{ outcome: Outcome | string; afterValue?: unknown }> {
  try {
    await db.transaction(async (tx) => {
      const rows = await tx.query(c.sql(f));
      let afterValue: unknown;
      if (c.after) {
        await tx.query("select set_config('role', 'none', true), set_config('request.jwt.claims', '', true)");
        const [row] = await tx.query<Record<string, unknown>>(c.after(f));
        afterValue = row ? Object.values(row)[0] : undefined;
      }
      throw new Rollback({ rows: rows.length, afterValue });
    }, preamble(c.who));
  } catch (err) {
    if (err instanceof Rollback)
      return { outcome: err.outcome.rows > 0 ? "ok" : "none", afterValue: err.outcome.afterValue };
    const code = (err as { code?: string }).code;
    return { outcome: code === "42501" ? "denied" : `error ${code}: ${(err as Error).message}` };
  }
  throw new Error("unreachable");
}

describe.each(Object.entries(MATRIX))("%s", (_table, cases) => {
  it.each(Object.entries(cases))("%s", async (_name, c) => {
    const got = await run(c);
    expect(got.outcome).toBe(c.expect);
    if (c.after) expect(got.afterValue).toBe(true);
  });
});

describe("function privileges", () => {
  it("anon and authenticated can execute only the client-callable functions in public and auth", async () => {
    const rows = await db.query<{ fn: string }>(
      `select distinct n.nspname || '.' || p.proname as fn
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname in ('public', 'auth')
          and (has_function_privilege('anon', p.oid, 'EXECUTE') or has_function_privilege('authenticated', p.oid, 'EXECUTE'))
        order by 1`,
    );
    expect(rows.map((r) => r.fn).filter((fn) => !CLIENT_FUNCTIONS.includes(fn))).toEqual([]);
  });

  it("PUBLIC cannot execute pg_notify", async () => {
    const [row] = await db.query<{ open: boolean }>(
      `select has_function_privilege('anon', 'pg_notify(text, text)', 'EXECUTE')
           or has_function_privilege('authenticated', 'pg_notify(text, text)', 'EXECUTE') as open`,
    );
    expect(row?.open).toBe(false);
  });
});

/** The world every row starts from, written as the owner (no RLS). */
async function seed(q: Db): Promise<Fixture> {
  const id = () => randomUUID();
  const x = {
    A: id(),
    B: id(),
    M: id(),
    aPublic: id(),
    aPrivate: id(),
    aRejected: id(),
    aPrivateRated: id(),
    bPublic: id(),
    bPrivate: id(),
    bRejected: id(),
    bPending: id(),
    bFailed: id(),
    bGenerating: id(),
    aComment: id(),
    aHiddenComment: id(),
    aCommentOnPrivate: id(),
    bRejectedComment: id(),
    bApprovedComment: id(),
    aExam: id(),
    bExam: id(),
    bSession: id(),
    aNotification: id(),
    bNotification: id(),
  } satisfies Fixture;
  const user = (uid: string, name: string, role = "USER") =>
    q.query("insert into public.users (id, email, display_name, role, email_verified) values ($1, $2, $3, $4, true)", [
      uid,
      `${name}-${uid.slice(0, 8)}@example.com`,
      name,
      role,
    ]);
  await user(x.A, "alice");
  await user(x.B, "bob");
  await user(x.M, "mod", "MODERATOR");
  const video = (vid: string, by: string, status: string, extra: { failure?: string; attempts?: number } = {}) =>
    q.query(
      `insert into public.videos (id, title, subject, difficulty, topic, created_by, status, visibility, failure_reason, attempts)
       values ($1, 'v', 'MATH', 'BEGINNER', 't', $2, $3, $4, $5, $6)`,
      [vid, by, status, status === "PRIVATE" ? "PRIVATE" : "PUBLIC", extra.failure ?? null, extra.attempts ?? 0],
    );
  await video(x.aPublic, x.A, "PUBLIC");
  await video(x.aPrivate, x.A, "PRIVATE");
  await video(x.aRejected, x.A, "REJECTED", { failure: "Removed by a moderator" });
  await video(x.aPrivateRated, x.A, "PRIVATE");
  await video(x.bPublic, x.B, "PUBLIC");
  await video(x.bPrivate, x.B, "PRIVATE");
  await video(x.bRejected, x.B, "REJECTED", { failure: "Removed by a moderator" });
  await video(x.bPending, x.B, "PENDING");
  await video(x.bFailed, x.B, "FAILED", { failure: "model down", attempts: 3 });
  await video(x.bGenerating, x.B, "GENERATING", { attempts: 1 });
  const comment = (cid: string, vid: string, by: string, hidden: boolean, status: string, reviewed = false) =>
    q.query(
      `insert into public.comments (id, video_id, user_id, text, is_hidden, moderation_status, reviewed_at)
       values ($1, $2, $3, 'text', $4, $5, $6)`,
      [cid, vid, by, hidden, status, reviewed ? new Date() : null],
    );
  await comment(x.aComment, x.aPublic, x.A, false, "APPROVED");
  await comment(x.aHiddenComment, x.aPublic, x.A, true, "FLAGGED");
  await comment(x.aCommentOnPrivate, x.aPrivate, x.A, false, "APPROVED");
  await comment(x.bRejectedComment, x.aPublic, x.B, true, "REJECTED", true);
  await comment(x.bApprovedComment, x.aPublic, x.B, false, "APPROVED");
  // B rated A's public lesson, and another while it was public; that one has since gone private.
  await q.query("insert into public.ratings (video_id, user_id, stars) values ($1, $2, 4)", [x.aPublic, x.B]);
  await q.query("insert into public.ratings (video_id, user_id, stars) values ($1, $2, 4)", [x.aPrivateRated, x.B]);
  const event = (eid: string, by: string, type: string, linked: string | null = null) =>
    q.query(
      "insert into public.planner_events (id, user_id, title, type, start_date, linked_event_id) values ($1, $2, 'e', $3, now(), $4)",
      [eid, by, type, linked],
    );
  await event(x.aExam, x.A, "EXAM");
  await event(x.bExam, x.B, "EXAM");
  await event(x.bSession, x.B, "STUDY_SESSION", x.bExam);
  await q.query("insert into public.notifications (id, user_id, kind, title) values ($1, $2, 'test', 'n')", [
    x.aNotification,
    x.A,
  ]);
  await q.query("insert into public.notifications (id, user_id, kind, title) values ($1, $2, 'test', 'n')", [
    x.bNotification,
    x.B,
  ]);
  return x;
}
