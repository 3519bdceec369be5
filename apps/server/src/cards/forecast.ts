// Cards due per local day ahead, in the student's zone: the planner shows them in its month and
// agenda views and the calendar feed carries them as all-day "Review N cards" entries. Overdue
// cards count on today, the day they can next be reviewed.
import type { DueForecast } from "@lm/core";
import type { Queryable } from "../db/index.js";

export async function dueForecast(
  tx: Queryable,
  userId: string,
  timeZone: string,
  now: Date,
  days: number,
): Promise<DueForecast> {
  const until = new Date(now.getTime() + days * 86_400_000);
  const rows = await tx.query<{ date: string; due: number }>(
    `select to_char((greatest(due, $2::timestamptz) at time zone $4)::date, 'YYYY-MM-DD') as date, count(*)::int as due
       from public.cards where user_id = $1 and due < $3 group by 1 order by 1`,
    [userId, now, until, timeZone],
  );
  return { timeZone, days: rows };
}
