// The benchmarks' shared fixture: a signed-up author and a feed of lessons spread over five
// subjects and three levels, with ratings and ages, made in one statement.
import { hashPassword } from "../apps/server/src/auth/passwords.js";
import type { Queryable } from "../apps/server/src/db/index.js";

/** An author who can log in with `password`. */
export async function seedAuthor(db: Queryable, email: string, password: string): Promise<string> {
  const [user] = await db.query<{ id: string }>(
    "insert into public.users (email, email_verified, display_name) values ($1, true, 'Bench') returning id",
    [email],
  );
  await db.query("insert into auth.credentials (user_id, password_hash) values ($1, $2)", [
    user.id,
    await hashPassword(password),
  ]);
  return user.id;
}

/** `count` lessons by `createdBy`; every `privateEvery`-th one private (0: all public). Returns their ids, newest first. */
export async function seedLessons(db: Queryable, createdBy: string, count: number, privateEvery = 20) {
  const rows = await db.query<{ id: string }>(
    `insert into public.videos (title, subject, difficulty, topic, created_by, status, script_summary, key_points, tags,
                                rating_sum, rating_count, trending_score, created_at)
     select 'Lesson ' || g || ' on ' || (array['photosynthesis','algebra','the French Revolution','supply and demand','Newton laws'])[1 + g % 5],
            (array['MATH','BIOLOGY','HISTORY','ECONOMICS','PHYSICS'])[1 + g % 5],
            (array['BEGINNER','INTERMEDIATE','ADVANCED'])[1 + g % 3],
            'topic ' || g, $1, case when $3::int > 0 and g % $3::int = 0 then 'PRIVATE' else 'PUBLIC' end,
            'A short summary of lesson ' || g, array['Key point ' || g, 'Another idea ' || (g * 7)], array['tag' || (g % 50)],
            (g % 5 + 1) * (g % 7), g % 7, random(), now() - g * interval '1 minute'
       from generate_series(1, $2::int) g
     returning id`,
    [createdBy, count, privateEvery],
  );
  await db.exec("analyze public.videos");
  return rows.map((r) => r.id);
}
