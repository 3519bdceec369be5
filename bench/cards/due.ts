// Due queue and due forecast for one student with 20,000 cards and 200,000 review-log rows, on
// PGlite in-process (PG_BASE_URL set: a throwaway database on that PostgreSQL server, dropped after). Runs the service's own
// queries as the student (RLS on), as the API does. `npx tsx bench/cards/due.ts [--write]`
import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import { appendFileSync } from "node:fs";
import * as repo from "../../apps/server/src/cards/repository.js";
import { migrate, openDb } from "../../apps/server/src/db/index.js";
import { freshPgDatabase } from "../../apps/server/test/harness.js";

const CARDS = 20_000;
const REVIEWS = 200_000;
const RUNS = 200;

const pg = process.env.PG_BASE_URL ? await freshPgDatabase(process.env.PG_BASE_URL) : null;
const db = await openDb({ databaseUrl: pg?.url, dataDir: null });
await migrate(db);
const userId = randomUUID();
await db.query("insert into public.users (id, email, display_name) values ($1, $2, 'bench')", [
  userId,
  `bench-${userId.slice(0, 8)}@example.com`,
]);
// 200 lessons of 100 cards; dues spread over -30..+60 days; 10 reviews per card.
const t0 = performance.now();
await db.query(
  `insert into public.videos (title, subject, difficulty, topic, created_by, status)
   select 'Lesson ' || g, 'BIOLOGY', 'BEGINNER', 't', $1, 'PUBLIC' from generate_series(1, 200) g`,
  [userId],
);
await db.query(
  `insert into public.cards (user_id, video_id, kind, item_index, front, back, state, due, stability, difficulty, reps, last_review)
   select $1, v.id, 'KEY_POINT', i, 'front ' || i, 'back ' || i, 2,
          now() + make_interval(mins => ((random() * 90 - 30) * 1440)::int), 1 + random() * 50, 5, 10, now() - interval '1 day'
     from (select id, row_number() over () as n from public.videos where created_by = $1) v,
          generate_series(0, ${CARDS / 200 - 1}) i`,
  [userId],
);
await db.query(
  `insert into public.review_log (user_id, card_id, client_id, rating, state, reviewed_at, elapsed_days, due, stability, difficulty)
   select $1, c.id, gen_random_uuid(), 1 + (random() * 3)::int, 2, now() - make_interval(days => r), r, now(), 5, 5
     from public.cards c, generate_series(1, ${REVIEWS / CARDS}) r where c.user_id = $1`,
  [userId],
);
await db.exec("analyze");
const seeded = (performance.now() - t0) / 1000;

async function time(label: string, fn: () => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    await fn();
    ms.push(performance.now() - s);
  }
  ms.sort((a, b) => a - b);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))].toFixed(2);
  return { label, p50: at(0.5), p95: at(0.95), max: ms[ms.length - 1].toFixed(2) };
}

const now = new Date();
const rows = [
  await time("due queue (50 cards) + counts, one transaction as the student", () =>
    db.withUser({ userId }, async (tx) => {
      await repo.dueCards(tx, userId, now, 50);
      await repo.counts(tx, userId, now);
    }),
  ),
  await time("due forecast: cards due per day, next 30 days", () =>
    db.withUser({ userId }, (tx) =>
      tx.query(
        `select date_trunc('day', due) as day, count(*)::int from public.cards
          where user_id = $1 and due < $2::timestamptz + interval '30 days' group by 1 order by 1`,
        [userId, now],
      ),
    ),
  ),
];
const [counts] = await db.withUser({ userId }, async (tx) => [await repo.counts(tx, userId, now)]);
await db.close();
await pg?.drop();

const driver = pg ? "PostgreSQL server" : "PGlite (in-process)";
const load = loadavg()
  .map((l) => l.toFixed(2))
  .join(" ");
const table = rows.map((r) => `| ${r.label} | ${r.p50} | ${r.p95} | ${r.max} |`).join("\n");
const report = `### ${driver}, ${new Date().toISOString().slice(0, 10)}

${CARDS.toLocaleString("en")} cards, ${REVIEWS.toLocaleString("en")} review-log rows for one student (seeded in ${seeded.toFixed(1)} s);
due now ${counts.due}, overdue ${counts.overdue}. ${RUNS} runs each, ms. Load average (1/5/15 min) at the end: ${load}.

| query | p50 | p95 | max |
|---|---|---|---|
${table}
`;
console.log(report);
// --write appends, so one file holds both drivers' runs.
if (process.argv.includes("--write")) appendFileSync(new URL("./RESULTS.md", import.meta.url), `${report}\n`);
