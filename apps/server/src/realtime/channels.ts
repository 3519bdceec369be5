// Who may subscribe to what: `user:<own id>` (signed in), `video:<id>` when the video is visible.
import type { Db } from "../db/index.js";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const USER = new RegExp(`^user:(${UUID})$`);
const VIDEO = new RegExp(`^video:(${UUID})$`);

export type ChannelCheck =
  | { ok: true }
  | { ok: false; code: "invalid_channel" | "unauthorized" | "forbidden" | "not_found" };

export async function authorize(db: Db, channel: string, userId: string | null): Promise<ChannelCheck> {
  const user = USER.exec(channel);
  if (user) {
    if (!userId) return { ok: false, code: "unauthorized" };
    return user[1] === userId ? { ok: true } : { ok: false, code: "forbidden" };
  }
  const video = VIDEO.exec(channel);
  if (video) {
    // RLS decides: anonymous sockets see PUBLIC videos only; a PRIVATE video only its creator.
    const rows = await db.withUser(userId ? { userId } : null, (tx) =>
      tx.query("select 1 from public.videos where id = $1", [video[1]]),
    );
    return rows.length > 0 ? { ok: true } : { ok: false, code: "not_found" };
  }
  return { ok: false, code: "invalid_channel" };
}
