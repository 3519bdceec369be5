// SQL for ratings. Rows are private to their author (RLS); the video's counters are kept by the
// ratings_counter trigger in the writing transaction, and the distribution comes from a definer
// function that repeats the video visibility check.
import { one, type Queryable } from "../db/index.js";

export interface RatedVideo {
  id: string;
  created_by: string;
  rating_avg: number;
  rating_count: number;
}

export interface RatingRow {
  video_id: string;
  user_id: string;
  stars: number;
  created_at: Date;
  updated_at: Date;
  /** True when this upsert inserted the row (a first rating), false when it changed the stars. */
  inserted?: boolean;
}

/** The video as the caller may see it, with its counters, or undefined. */
export const visibleVideo = (tx: Queryable, videoId: string) =>
  one<RatedVideo>(
    tx,
    "select id, created_by, rating_avg::float8 as rating_avg, rating_count from public.videos where id = $1",
    [videoId],
  );

/** One row per (video, user): a second rating changes the stars. */
export const upsertRating = (tx: Queryable, videoId: string, userId: string, stars: number) =>
  one<RatingRow>(
    tx,
    `insert into public.ratings (video_id, user_id, stars) values ($1, $2, $3)
     on conflict (video_id, user_id) do update set stars = excluded.stars
     returning video_id, user_id, stars, created_at, updated_at, (xmax = 0) as inserted`,
    [videoId, userId, stars],
  );

export const distribution = (tx: Queryable, videoId: string) =>
  tx.query<{ stars: number; n: number }>("select stars, n from public.rating_distribution($1)", [videoId]);

export const ownRating = (tx: Queryable, videoId: string, userId: string) =>
  one<RatingRow>(
    tx,
    "select video_id, user_id, stars, created_at, updated_at from public.ratings where video_id = $1 and user_id = $2",
    [videoId, userId],
  );
