// Comments, ratings, notifications: the social layer's objects.
import { z } from "zod";
import { ModerationStatus } from "../enums.js";
import { Id, PageQuery, Timestamp } from "./common.js";
import { PublicUser } from "./users.js";

export const Comment = z.object({
  id: Id,
  videoId: Id,
  user: PublicUser,
  text: z.string(),
  isHidden: z.boolean(),
  moderationStatus: ModerationStatus,
  moderationReason: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Comment = z.infer<typeof Comment>;

export const CommentText = z.string().trim().min(1).max(2000);
export const CommentCreateInput = z.strictObject({ videoId: Id, text: CommentText });
export type CommentCreateInput = z.infer<typeof CommentCreateInput>;
export const CommentUpdateInput = z.strictObject({ text: CommentText });
export const CommentListQuery = PageQuery.extend({ videoId: Id });
export const ReportInput = z.strictObject({ reason: z.string().trim().max(500).optional() });
export const ModerationDecisionInput = z.strictObject({ decision: z.enum(["APPROVE", "REJECT"]) });

export const Stars = z.number().int().min(1).max(5);
export const RatingInput = z.strictObject({ videoId: Id, stars: Stars });
export type RatingInput = z.infer<typeof RatingInput>;
export const RatingResult = z.object({
  videoId: Id,
  stars: Stars,
  ratingAvg: z.number(),
  ratingCount: z.number().int(),
});
export const RatingSummary = z.object({
  videoId: Id,
  ratingAvg: z.number(),
  ratingCount: z.number().int(),
  distribution: z.record(z.enum(["1", "2", "3", "4", "5"]), z.number().int()),
});
export type RatingSummary = z.infer<typeof RatingSummary>;
export const UserRating = z.object({
  videoId: Id,
  userId: Id,
  stars: Stars,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const Notification = z.object({
  id: Id,
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  data: z.record(z.string(), z.unknown()),
  readAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type Notification = z.infer<typeof Notification>;

/** GET /notifications/unread-count (an extension): what the bell shows, exact however many pages. */
export const UnreadCount = z.object({ count: z.number().int().nonnegative() });
export type UnreadCount = z.infer<typeof UnreadCount>;
