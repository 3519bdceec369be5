import { z } from "zod";

export const REALTIME_EVENTS = [
  "comment.created",
  "comment.updated",
  "comment.deleted",
  "rating.updated",
  "video.updated",
  "notification.created",
] as const;
export type RealtimeEventName = (typeof REALTIME_EVENTS)[number];

export const ClientMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("subscribe"), channel: z.string().max(100) }),
  z.object({ type: z.literal("unsubscribe"), channel: z.string().max(100) }),
  z.object({ type: z.literal("ping") }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export type ServerMessage =
  | { type: "subscribed"; channel: string }
  | { type: "unsubscribed"; channel: string }
  | { type: "error"; code: string; channel?: string }
  | { type: "pong" }
  | { type: "event"; channel: string; event: RealtimeEventName; data: Record<string, unknown> };
