// The subjects a student is weak in, for the for_you feed: those with review cards due now, or
// whose quiz answers are mostly wrong (under 70% right). Two indexed aggregates as the student (RLS),
// cheap enough for every for_you page; the FSRS recall per card (mastery.ts) is too much work here.
import type { Queryable } from "../db/index.js";

export async function weakSubjectsOf(tx: Queryable): Promise<string[]> {
  const rows = await tx.query<{ subject: string }>(
    `select v.subject from public.cards c join public.videos v on v.id = c.video_id
      where c.user_id = auth.uid() and c.due <= now() group by v.subject
     union
     select v.subject from public.quiz_answers a join public.videos v on v.id = a.video_id
      where a.user_id = auth.uid() group by v.subject having avg(a.correct::int) < 0.7`,
  );
  return rows.map((r) => r.subject);
}
