// Turns a trigger's small payload into what clients render. Runs once per event, not per socket.
import type { Db } from "../db/index.js";

interface CommentRow {
  id: string;
  video_id: string;
  text: string;
  is_hidden: boolean;
  moderation_status: string;
  created_at: Date;
  updated_at: Date;
  u_id: string;
  u_display_name: string;
  u_avatar_color: string;
  u_subjects: string[];
  u_created_at: Date;
}

/** A visible comment as the public sees it; hidden ones travel as ids only (clients drop them). */
export async function enrichComment(db: Db, data: Record<string, unknown>): Promise<Record<string, unknown>> {
  if (data.isHidden) return { id: data.id, videoId: data.videoId, isHidden: true };
  const rows = await db.asService((tx) =>
    tx.query<CommentRow>(
      `select c.id, c.video_id, c.text, c.is_hidden, c.moderation_status, c.created_at, c.updated_at,
              u.id as u_id, u.display_name as u_display_name, u.avatar_color as u_avatar_color,
              u.subjects as u_subjects, u.created_at as u_created_at
         from public.comments c join public.public_users u on u.id = c.user_id where c.id = $1`,
      [data.id],
    ),
  );
  const c = rows[0];
  if (!c) return { id: data.id, videoId: data.videoId, isHidden: true };
  return {
    id: c.id,
    videoId: c.video_id,
    user: {
      id: c.u_id,
      displayName: c.u_display_name,
      avatarColor: c.u_avatar_color,
      subjects: c.u_subjects,
      createdAt: c.u_created_at.toISOString(),
    },
    text: c.text,
    isHidden: c.is_hidden,
    moderationStatus: c.moderation_status,
    moderationReason: null,
    createdAt: c.created_at.toISOString(),
    updatedAt: c.updated_at.toISOString(),
  };
}
