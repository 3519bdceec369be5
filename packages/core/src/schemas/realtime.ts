// What travels over the WebSocket. Every event's data has a schema here: the server builds each
// payload through it before broadcasting, and the clients parse with it, so no one casts event data.
import { z } from "zod";
import { MediaFailureCode, ModerationStatus, VideoFailureCode, VideoStatus } from "../enums.js";
import { DueCounts } from "./cards.js";
import { Id } from "./common.js";
import { Comment, Notification } from "./social.js";
import { MEDIA_STATUSES } from "./videos.js";

export const REALTIME_EVENTS = [
  "comment.created",
  "comment.updated",
  "comment.deleted",
  "rating.updated",
  "video.updated",
  "notification.created",
  "cards.counts",
] as const;
export type RealtimeEventName = (typeof REALTIME_EVENTS)[number];

export const ClientMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("subscribe"), channel: z.string().max(100) }),
  z.object({ type: z.literal("unsubscribe"), channel: z.string().max(100) }),
  z.object({ type: z.literal("ping") }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

/**
 * A comment the public may not see (hidden), or one the server could not read back: its ids only.
 * Clients drop a hidden one (its author keeps it, marked hidden) and fetch the list for the other.
 */
export const CommentRef = z.object({ id: Id, videoId: Id, isHidden: z.boolean() });
export type CommentRef = z.infer<typeof CommentRef>;

/** A new or edited comment: the whole comment as the public sees it, or only its ids. */
export const CommentChangedEvent = z.union([Comment, CommentRef]);
export type CommentChangedEvent = z.infer<typeof CommentChangedEvent>;

/** A deleted comment: its ids and its last moderation state (the row is gone, nothing to read back). */
export const CommentDeletedEvent = z.object({
  id: Id,
  videoId: Id,
  userId: Id,
  isHidden: z.boolean(),
  moderationStatus: ModerationStatus,
});
export type CommentDeletedEvent = z.infer<typeof CommentDeletedEvent>;

export const RatingUpdatedEvent = z.object({ videoId: Id, ratingAvg: z.number(), ratingCount: z.number().int() });
export type RatingUpdatedEvent = z.infer<typeof RatingUpdatedEvent>;

/**
 * A lesson's summary, not the whole Video: `createdBy` is the creator's id, and `media` (sent when
 * the render job changed) has only its state. Clients merge what is here and refetch the rest.
 */
export const VideoUpdatedEvent = z.object({
  id: Id,
  status: VideoStatus,
  title: z.string(),
  failureCode: VideoFailureCode.nullable(),
  failureReason: z.string().nullable(),
  thumbnailUrl: z.string().nullable(),
  createdBy: Id,
  media: z
    .object({
      status: z.enum(MEDIA_STATUSES),
      progress: z.number().int().min(0).max(100),
      failureCode: MediaFailureCode.nullable(),
      failureReason: z.string().nullable(),
    })
    .optional(),
});
export type VideoUpdatedEvent = z.infer<typeof VideoUpdatedEvent>;

export const NotificationCreatedEvent = Notification;

/** A student's due counts after their deck changed (cards added or removed, a review recorded), on `user:<id>`. */
export const CardsCountsEvent = DueCounts;

/** Each event's data schema, by event name; a new event is a type error until it has one. */
export const REALTIME_EVENT_DATA = {
  "comment.created": CommentChangedEvent,
  "comment.updated": CommentChangedEvent,
  "comment.deleted": CommentDeletedEvent,
  "rating.updated": RatingUpdatedEvent,
  "video.updated": VideoUpdatedEvent,
  "notification.created": NotificationCreatedEvent,
  "cards.counts": CardsCountsEvent,
} as const satisfies Record<RealtimeEventName, z.ZodType>;

const eventMessage = <E extends RealtimeEventName>(event: E) =>
  z.object({
    type: z.literal("event"),
    channel: z.string(),
    event: z.literal(event),
    data: REALTIME_EVENT_DATA[event],
  });

/** One event as the server sends it; narrowing on `event` types `data`. */
export const RealtimeEventMessage = z.discriminatedUnion("event", [
  eventMessage("comment.created"),
  eventMessage("comment.updated"),
  eventMessage("comment.deleted"),
  eventMessage("rating.updated"),
  eventMessage("video.updated"),
  eventMessage("notification.created"),
  eventMessage("cards.counts"),
]);
export type RealtimeEventMessage = z.infer<typeof RealtimeEventMessage>;

/** An event from the wire, or null for anything that is not one this build knows (or not well formed). */
export function parseRealtimeEvent(message: unknown): RealtimeEventMessage | null {
  const parsed = RealtimeEventMessage.safeParse(message);
  return parsed.success ? parsed.data : null;
}

export type ServerMessage =
  | { type: "subscribed"; channel: string }
  | { type: "unsubscribed"; channel: string }
  | { type: "error"; code: string; channel?: string }
  | { type: "pong" }
  /** Events may have been missed (the server lost its database listener for a while): refetch what is shown. */
  | { type: "resync" }
  | RealtimeEventMessage;
