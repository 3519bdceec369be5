// First embedded start: a demo account and hand-written sample lessons, so a newcomer's feed is not
// empty. Marked as samples; turned off with `--no-seed` or SEED_DEMO=false. Tests never rely on it.
import { randomBytes } from "node:crypto";
import { SAMPLE_LESSONS } from "../ai/samples.js";
import { hashPassword } from "../auth/index.js";
import type { AppContext } from "../context.js";
import { renderThumbnail } from "../media/thumbnail.js";
import { thumbnailKey, thumbnailUrl } from "../media/render/files.js";

const DEMO_EMAIL = "samples@littlemonster.local";

export async function seedSamples(ctx: AppContext) {
  const done = await ctx.db.query("select 1 from public.users where email = $1", [DEMO_EMAIL]);
  if (done.length > 0) return;
  // Nobody logs in as the demo account: its password is random and never shown.
  const passwordHash = await hashPassword(randomBytes(24).toString("base64url"));
  // As the owner, not service_role: the account's credentials live in the private auth schema.
  await ctx.db.transaction(async (tx) => {
    const [demo] = await tx.query<{ id: string }>(
      `insert into public.users (email, email_verified, display_name, avatar_color, is_demo)
       values ($1, true, 'Little Monster samples', '#6366F1', true) on conflict (email) do nothing returning id`,
      [DEMO_EMAIL],
    );
    if (!demo) return;
    await tx.query("insert into auth.credentials (user_id, password_hash) values ($1, $2)", [demo.id, passwordHash]);
    for (const s of SAMPLE_LESSONS) {
      const [v] = await tx.query<{ id: string }>(
        `insert into public.videos (title, subject, difficulty, topic, created_by, status, visibility, script,
            script_summary, key_points, timestamps, duration, tags, quiz, is_sample, provider)
         values ($1, $2, $3, $4, $5, 'PUBLIC', 'PUBLIC', $6, $7, $8, $9, $10, $11, $12, true, 'sample') returning id`,
        [
          s.title,
          s.subject,
          s.difficulty,
          s.topic,
          demo.id,
          s.script,
          s.scriptSummary,
          s.keyPoints,
          s.timestamps,
          s.duration,
          [...s.tags, "sample"],
          JSON.stringify(s.quiz),
        ],
      );
      const png = await renderThumbnail({ title: s.title, subject: s.subject });
      await ctx.storage.put(thumbnailKey(v.id), png, "image/png");
      await tx.query("update public.videos set thumbnail_url = $2 where id = $1", [v.id, thumbnailUrl(v.id, 1)]);
    }
  });
  ctx.log.info({ lessons: SAMPLE_LESSONS.length }, "seeded sample lessons");
}
