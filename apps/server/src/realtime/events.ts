// From a trigger's NOTIFY payload to the event clients receive: the comment events are assembled
// here (the trigger sends ids only), and every event's data is parsed with its schema in core
// before it is broadcast, so a trigger that drifts from the contract is caught here, not in a client.
import { REALTIME_EVENTS, RealtimeEventMessage } from "@lm/core";
import { z } from "zod";
import type { AppContext } from "../context.js";
import { enrichComment } from "./enrich.js";

/** What lm_emit() sends (migrations/0003_realtime.sql): `ts` is the commit's clock, for the delivery metric. */
const Notified = z.object({
  channel: z.string(),
  event: z.enum(REALTIME_EVENTS),
  data: z.record(z.string(), z.unknown()),
  ts: z.unknown().optional(),
});
export type Notified = z.infer<typeof Notified>;

/** Reads a NOTIFY payload; null for anything that is not one (logged: only our triggers write there). */
export function readNotified(ctx: AppContext, payload: string): Notified | null {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    json = undefined;
  }
  const parsed = Notified.safeParse(json);
  if (!parsed.success) ctx.log.warn({ payload: payload.slice(0, 200) }, "realtime: unreadable notify payload dropped");
  return parsed.success ? parsed.data : null;
}

const CommentIds = z.object({ id: z.string(), videoId: z.string(), isHidden: z.boolean() });

/** The event as clients receive it, or null (logged) when its data does not match its schema. */
export async function buildEvent(ctx: AppContext, n: Notified): Promise<RealtimeEventMessage | null> {
  let data: unknown = n.data;
  if (n.event === "comment.created" || n.event === "comment.updated") {
    const ids = CommentIds.safeParse(n.data);
    // When the comment cannot be read back, its ids (not hidden) tell clients to fetch the list.
    if (ids.success) data = await enrichComment(ctx.db, ids.data).catch(() => ids.data);
  }
  const parsed = RealtimeEventMessage.safeParse({ type: "event", channel: n.channel, event: n.event, data });
  if (!parsed.success) {
    ctx.log.warn({ event: n.event, issues: parsed.error.issues.slice(0, 3) }, "realtime: event off its schema dropped");
    return null;
  }
  return parsed.data;
}
