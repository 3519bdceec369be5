// SQL for study activity: watch time rows (0022) and finished quizzes (quiz_answers, 0020). Every
// query runs as the student, so RLS keeps each one to the student's own rows.
import { one, type Queryable } from "../db/index.js";

/**
 * The lesson as the student may see it (RLS on videos decides) and its length in whole seconds:
 * the rendered video's when there is one, else the script's estimate.
 */
export const visibleLesson = (tx: Queryable, videoId: string) =>
  one<{ id: string; length_sec: number }>(
    tx,
    `select v.id, greatest(v.duration, coalesce(ceil(m.duration_sec)::int, 0)) as length_sec
       from public.videos v left join public.video_media m on m.video_id = v.id
      where v.id = $1`,
    [videoId],
  );

/** Serialises one student's heartbeats: the real-time clock is read, then moved. */
export const lockStudent = (tx: Queryable, userId: string) =>
  tx.query("select pg_advisory_xact_lock(hashtext($1))", [`watch:${userId}`]);

export const studentClock = async (tx: Queryable, userId: string) =>
  (
    await one<{ at: Date | null }>(tx, "select max(credited_until) as at from public.watch_time where user_id = $1", [
      userId,
    ])
  )?.at ?? null;

export const daySeconds = async (tx: Queryable, userId: string, videoId: string, day: string) =>
  (
    await one<{ seconds: number }>(
      tx,
      "select seconds from public.watch_time where user_id = $1 and video_id = $2 and day = $3::date",
      [userId, videoId, day],
    )
  )?.seconds ?? 0;

export const addSeconds = (
  tx: Queryable,
  r: { userId: string; videoId: string; day: string; seconds: number; creditedUntil: Date },
) =>
  tx.query(
    `insert into public.watch_time (user_id, video_id, day, seconds, credited_until)
     values ($1, $2, $3::date, $4, $5)
     on conflict (user_id, video_id, day) do update
       set seconds = public.watch_time.seconds + excluded.seconds, credited_until = excluded.credited_until,
           updated_at = now()`,
    [r.userId, r.videoId, r.day, r.seconds, r.creditedUntil],
  );

/** Watched seconds per local day since `fromDay` (YYYY-MM-DD), all lessons together. */
export const watchedDays = (tx: Queryable, userId: string, fromDay: string) =>
  tx.query<{ day: string; seconds: number }>(
    `select day::text as day, sum(seconds)::int as seconds from public.watch_time
      where user_id = $1 and day >= $2::date group by day`,
    [userId, fromDay],
  );

/**
 * Quizzes the student finished since `from`: every question of the lesson's quiz answered at least
 * once. Finished when the last question got its first answer; a re-answer adds nothing.
 */
export const finishedQuizzes = (tx: Queryable, userId: string, from: Date) =>
  tx.query<{ video_id: string; questions: number; finished_at: Date }>(
    `with firsts as (
       select video_id, question_index, min(answered_at) as at from public.quiz_answers
        where user_id = $1 group by video_id, question_index)
     select f.video_id, jsonb_array_length(v.quiz)::int as questions, max(f.at) as finished_at
       from firsts f join public.videos v on v.id = f.video_id
      where jsonb_typeof(v.quiz) = 'array' and jsonb_array_length(v.quiz) > 0
      group by f.video_id, v.id
     having count(*) >= jsonb_array_length(v.quiz) and max(f.at) >= $2`,
    [userId, from],
  );

/** The student's saved time zone (preferences), which decides the local day a heartbeat counts on. */
export const savedTimeZone = (tx: Queryable, userId: string) =>
  one<{ time_zone: string | null }>(
    tx,
    "select preferences->>'timeZone' as time_zone from public.users where id = $1",
    [userId],
  );
