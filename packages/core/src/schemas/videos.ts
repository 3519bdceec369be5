import { z } from "zod";
import { VIDEO_SORTS } from "../constants.js";
import { Difficulty, MediaFailureCode, Subject, VideoFailureCode, VideoStatus } from "../enums.js";
import { Id, PageQuery, Timestamp } from "./common.js";
import { ReportInput } from "./social.js";
import { PublicUser } from "./users.js";

export const QuizQuestion = z.object({
  question: z.string(),
  choices: z.array(z.string()).min(2).max(5),
  answerIndex: z.number().int().min(0),
  /** Why the answer is right, in the lesson's words. */
  explanation: z.string().optional(),
  /** The second of the lesson that covers the answer: the start of its key point. */
  at: z.number().int().min(0).optional(),
  /** Which key point the question tests (`at` is `timestamps[keyPointIndex]`). */
  keyPointIndex: z.number().int().min(0).optional(),
});
export type QuizQuestion = z.infer<typeof QuizQuestion>;

/**
 * Where a key point came from in the student's notes: character offsets into the notes as stored
 * (`end` exclusive) and the quoted text, so a client can show "From your notes: …".
 */
export const KeyPointSource = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  text: z.string(),
});
export type KeyPointSource = z.infer<typeof KeyPointSource>;

export const MEDIA_STATUSES = ["PENDING", "RENDERING", "READY", "FAILED", "UNAVAILABLE"] as const;

/** The lesson's narrated MP4: rendered after the lesson publishes (UNAVAILABLE: this server cannot render). */
export const VideoMedia = z.object({
  status: z.enum(MEDIA_STATUSES),
  progress: z.number().int().min(0).max(100),
  durationSec: z.number().nullable(),
  sizeBytes: z.number().int().nullable(),
  mp4Url: z.string().nullable(),
  captionsUrl: z.string().nullable(),
  chaptersUrl: z.string().nullable(),
  /** Stable, for clients to branch on: speech_unavailable, encoder_unavailable, speech_failed, … */
  failureCode: MediaFailureCode.nullable(),
  failureReason: z.string().nullable(),
});
export type VideoMedia = z.infer<typeof VideoMedia>;

/**
 * Signed file URLs for a lesson the caller may see but a `<video src>` could not fetch (PRIVATE:
 * players cannot send the Authorization header). Each URL carries `token`, valid until `expiresAt`
 * for this lesson, this user and this session only (an extension: GET /videos/:id/media-token).
 */
export const MediaToken = z.object({
  token: z.string(),
  expiresAt: Timestamp,
  mp4Url: z.string(),
  captionsUrl: z.string(),
  chaptersUrl: z.string(),
});
export type MediaToken = z.infer<typeof MediaToken>;

export const Video = z.object({
  id: Id,
  title: z.string(),
  subject: Subject,
  difficulty: Difficulty,
  topic: z.string(),
  createdBy: PublicUser,
  status: VideoStatus,
  scriptSummary: z.string().nullable(),
  script: z.string().nullable(),
  keyPoints: z.array(z.string()),
  /** Parallel to keyPoints for lessons made from notes (null where no source was found); absent otherwise. */
  keyPointSources: z.array(KeyPointSource.nullable()).optional(),
  timestamps: z.array(z.number()),
  videoUrl: z.string().nullable(),
  thumbnailUrl: z.string().nullable(),
  duration: z.number().int(),
  ratingAvg: z.number(),
  ratingCount: z.number().int(),
  viewCount: z.number().int(),
  commentCount: z.number().int(),
  tags: z.array(z.string()),
  quiz: z.array(QuizQuestion),
  /** Stable, for clients to branch on (null unless FAILED or REJECTED, and on lessons failed before codes existed). */
  failureCode: VideoFailureCode.nullable(),
  failureReason: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  myRating: z.number().int().min(1).max(5).nullable().optional(),
  isSample: z.boolean().optional(),
  media: VideoMedia,
});
export type Video = z.infer<typeof Video>;

export const Visibility = z.enum(["PUBLIC", "PRIVATE"]);
export const Tag = z.string().trim().min(1).max(32);

export const VideoCreateInput = z.strictObject({
  topic: z.string().trim().min(3).max(200),
  subject: Subject,
  difficulty: Difficulty,
  sourceText: z.string().max(50_000).optional(),
  visibility: Visibility.optional(),
});
export type VideoCreateInput = z.input<typeof VideoCreateInput>;

export const VideoUpdateInput = z.strictObject({
  title: z.string().trim().min(3).max(200).optional(),
  tags: z.array(Tag).max(10).optional(),
  status: Visibility.optional(),
});
export type VideoUpdateInput = z.infer<typeof VideoUpdateInput>;

export const VideoListQuery = PageQuery.extend({
  subject: Subject.optional(),
  difficulty: Difficulty.optional(),
  q: z.string().trim().max(200).optional(),
  createdBy: z.union([z.literal("me"), Id]).optional(),
  sort: z.enum(VIDEO_SORTS).default("new"),
});
export type VideoListQuery = z.input<typeof VideoListQuery>;

export const ViewInput = z.strictObject({ clientId: z.string().min(8).max(64).optional() });

/**
 * A player's heartbeat (an extension: POST /videos/:id/watch): seconds actually played since the
 * last one, at most a minute, so a lost beat loses little and one beat cannot claim an hour.
 */
export const WatchInput = z.strictObject({
  positionSec: z.number().min(0).max(86_400),
  secondsWatched: z.number().int().min(1).max(60),
});
export type WatchInput = z.infer<typeof WatchInput>;

/** What the server counted: `countedSec` of this beat, and the lesson's total for the student today. */
export const WatchResult = z.object({
  countedSec: z.number().int().min(0),
  todaySec: z.number().int().min(0),
  capSec: z.number().int().min(0),
});
export type WatchResult = z.infer<typeof WatchResult>;

// --- Reported lessons (an extension: POST /videos/:id/report, /moderation/videos) ---

/** A lesson report; `keyPointIndex` makes it a "Report inaccuracy" on that key point (0-based). */
export const VideoReportInput = z.strictObject({
  ...ReportInput.shape,
  keyPointIndex: z.number().int().min(0).optional(),
});
export type VideoReportInput = z.infer<typeof VideoReportInput>;

/**
 * How the creator regenerates a reported key point: quoted from the lesson's notes (the default,
 * works without a model) or reworded by the server's AI model from the notes or the script.
 */
export const KeyPointRegenerateInput = z.strictObject({
  using: z.enum(["notes", "ai"]).optional(),
});
export type KeyPointRegenerateInput = z.infer<typeof KeyPointRegenerateInput>;

/** A lesson in the moderators' queue: the open reports since its last review. */
export const ReportedVideo = z.object({
  video: Video,
  reportCount: z.number().int().positive(),
  /** The newest reasons given (up to 5); reports without a reason are only counted. */
  reasons: z.array(z.string()),
  firstReportedAt: Timestamp,
  /** Key points (indexes into video.keyPoints) that open reports call inaccurate, ascending. */
  reportedKeyPoints: z.array(z.number().int().min(0)).optional(),
});
export type ReportedVideo = z.infer<typeof ReportedVideo>;

/** APPROVE keeps the lesson and closes its reports; REJECT removes it (status REJECTED), and the
 * reason, when given, is shown to its creator. */
export const VideoModerationInput = z.strictObject({
  decision: z.enum(["APPROVE", "REJECT"]),
  reason: z.string().trim().min(1).max(500).optional(),
});
export type VideoModerationInput = z.infer<typeof VideoModerationInput>;
