// The deck's rules in the database itself, as a client talking to it directly sees them (Supabase:
// PostgREST acting as `authenticated` with the user's claims): a student's cards, review log,
// scheduler settings and quiz answers are theirs alone — moderators included. Each row runs in a
// transaction that is rolled back. Outcomes as in rls-matrix.test.ts: ok / none / denied (42501).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, migrate, openDb } from "../src/db/index.js";
import { actAsSql } from "../src/db/types.js";
import { freshPgDatabase } from "./harness.js";

type Who = "anon" | "A" | "B" | "M";
type Outcome = "ok" | "none" | "denied";
const ids = {
  A: randomUUID(),
  B: randomUUID(),
  M: randomUUID(),
  aLesson: randomUUID(),
  bPrivate: randomUUID(),
  aCard: randomUUID(),
};
const q = (k: keyof typeof ids) => `'${ids[k]}'`;

const CASES: Array<[string, Who, string, Outcome]> = [
  ["A reads A's cards", "A", `select id from public.cards where id = ${q("aCard")}`, "ok"],
  ["A reads A's review log", "A", `select id from public.review_log where card_id = ${q("aCard")}`, "ok"],
  ["A reads A's settings", "A", `select user_id from public.card_settings where user_id = ${q("A")}`, "ok"],
  ["A reads A's quiz answers", "A", `select id from public.quiz_answers where user_id = ${q("A")}`, "ok"],
  ["A reschedules A's card", "A", `update public.cards set due = now() where id = ${q("aCard")} returning id`, "ok"],
  ["B reads A's cards", "B", `select id from public.cards where user_id = ${q("A")}`, "none"],
  ["B reads A's review log", "B", `select id from public.review_log where user_id = ${q("A")}`, "none"],
  ["B reads A's settings", "B", `select user_id from public.card_settings where user_id = ${q("A")}`, "none"],
  ["B reads A's quiz answers", "B", `select id from public.quiz_answers where user_id = ${q("A")}`, "none"],
  ["a moderator reads A's cards", "M", `select id from public.cards where user_id = ${q("A")}`, "none"],
  ["a moderator reads A's review log", "M", `select id from public.review_log where user_id = ${q("A")}`, "none"],
  ["B reschedules A's card", "B", `update public.cards set due = now() where id = ${q("aCard")} returning id`, "none"],
  ["B deletes A's card", "B", `delete from public.cards where id = ${q("aCard")} returning id`, "none"],
  [
    "B changes A's retention",
    "B",
    `update public.card_settings set desired_retention = 0.7 where user_id = ${q("A")} returning user_id`,
    "none",
  ],
  [
    "B adds a card to A's deck",
    "B",
    `insert into public.cards (user_id, video_id, kind, item_index, front, back)
     values (${q("A")}, ${q("aLesson")}, 'KEY_POINT', 1, 'f', 'b') returning id`,
    "denied",
  ],
  [
    "B logs a review of A's card as B",
    "B",
    `insert into public.review_log (user_id, card_id, client_id, rating, state, reviewed_at, elapsed_days, due, stability, difficulty)
     values (${q("B")}, ${q("aCard")}, gen_random_uuid(), 3, 0, now(), 0, now(), 1, 5) returning id`,
    "denied",
  ],
  [
    "B writes settings for A",
    "B",
    `insert into public.card_settings (user_id, desired_retention) values (${q("A")}, 0.8) returning user_id`,
    "denied",
  ],
  [
    "B records a quiz answer as A",
    "B",
    `insert into public.quiz_answers (user_id, video_id, client_id, question_index, choice_index, correct)
     values (${q("A")}, ${q("aLesson")}, gen_random_uuid(), 0, 0, true) returning id`,
    "denied",
  ],
  [
    "A adds a card from B's private lesson",
    "A",
    `insert into public.cards (user_id, video_id, kind, item_index, front, back)
     values (${q("A")}, ${q("bPrivate")}, 'KEY_POINT', 0, 'f', 'b') returning id`,
    "denied",
  ],
  [
    "A moves A's card to another lesson",
    "A",
    `update public.cards set video_id = ${q("bPrivate")} where id = ${q("aCard")} returning id`,
    "denied",
  ],
  ["A rewrites A's review history", "A", `update public.review_log set rating = 4 returning id`, "denied"],
  ["anon reads cards", "anon", "select id from public.cards", "denied"],
  ["anon reads the review log", "anon", "select id from public.review_log", "denied"],
];

const pgUrl = process.env.DATABASE_URL;
let db: Db;
let dropDb: (() => Promise<void>) | undefined;

beforeAll(async () => {
  if (pgUrl) {
    const fresh = await freshPgDatabase(pgUrl);
    db = await openDb({ databaseUrl: fresh.url, dataDir: null });
    dropDb = fresh.drop;
  } else {
    db = await openDb({ dataDir: null });
  }
  await migrate(db);
  // Written as the owner (no RLS): three users, A's public lesson and card, B's private lesson.
  for (const [who, role] of [
    ["A", "USER"],
    ["B", "USER"],
    ["M", "MODERATOR"],
  ] as const) {
    await db.query(
      "insert into public.users (id, email, display_name, role, email_verified) values ($1, $2, $3, $4, true)",
      [ids[who], `${who.toLowerCase()}-${ids[who].slice(0, 8)}@example.com`, who, role],
    );
  }
  const video = (id: string, by: string, status: string) =>
    db.query(
      `insert into public.videos (id, title, subject, difficulty, topic, created_by, status, visibility)
       values ($1, 'v', 'MATH', 'BEGINNER', 't', $2, $3, $3)`,
      [id, by, status],
    );
  await video(ids.aLesson, ids.A, "PUBLIC");
  await video(ids.bPrivate, ids.B, "PRIVATE");
  await db.query(
    `insert into public.cards (id, user_id, video_id, kind, item_index, front, back) values ($1, $2, $3, 'KEY_POINT', 0, 'f', 'b')`,
    [ids.aCard, ids.A, ids.aLesson],
  );
  await db.query(
    `insert into public.review_log (user_id, card_id, client_id, rating, state, reviewed_at, elapsed_days, due, stability, difficulty)
     values ($1, $2, gen_random_uuid(), 3, 0, now(), 0, now(), 1, 5)`,
    [ids.A, ids.aCard],
  );
  await db.query("insert into public.card_settings (user_id, desired_retention) values ($1, 0.9)", [ids.A]);
  await db.query(
    `insert into public.quiz_answers (user_id, video_id, client_id, question_index, choice_index, correct)
     values ($1, $2, gen_random_uuid(), 0, 1, false)`,
    [ids.A, ids.aLesson],
  );
});
afterAll(async () => {
  await db?.close();
  await dropDb?.();
});

class Rollback extends Error {
  constructor(readonly rows: number) {
    super("rollback");
  }
}

async function run(who: Who, sql: string): Promise<string> {
  try {
    await db.transaction(
      async (tx) => {
        throw new Rollback((await tx.query(sql)).length);
      },
      who === "anon" ? actAsSql("anon") : actAsSql("authenticated", ids[who]),
    );
  } catch (err) {
    if (err instanceof Rollback) return err.rows > 0 ? "ok" : "none";
    const code = (err as { code?: string }).code;
    return code === "42501" ? "denied" : `error ${code}: ${(err as Error).message}`;
  }
  throw new Error("unreachable");
}

describe("cards, review log, settings and quiz answers in the database", () => {
  it.each(CASES)("%s (as %s)", async (_name, who, sql, expected) => {
    expect(await run(who, sql)).toBe(expected);
  });
});
