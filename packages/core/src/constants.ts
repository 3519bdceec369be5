// The contract's enum values and display tables, free of zod so the smallest bundles (the web app's
// first load) can use them without paying for the schema library. `enums.ts` builds the zod enums
// from these same arrays.

export const SUBJECTS = [
  "MATH",
  "BIOLOGY",
  "CHEMISTRY",
  "PHYSICS",
  "COMPUTER_SCIENCE",
  "ENGLISH",
  "HISTORY",
  "GEOGRAPHY",
  "ECONOMICS",
  "PSYCHOLOGY",
  "LANGUAGES",
  "ART",
  "MUSIC",
  "OTHER",
] as const;

export const DIFFICULTIES = ["BEGINNER", "INTERMEDIATE", "ADVANCED"] as const;

export const VIDEO_STATUSES = ["PENDING", "GENERATING", "PUBLIC", "PRIVATE", "FAILED", "REJECTED"] as const;

/**
 * Why a lesson is FAILED or REJECTED (beside the readable failureReason), for clients to branch on:
 * no_model: this server has no AI model and the request had no notes to build from;
 * model_unavailable: the model is configured but cannot load or run; model_failed: it failed
 * while writing; invalid_lesson: its answer was not a complete lesson; low_quality: the lesson
 * failed the quality checks; moderation_rejected: the request broke the community rules;
 * removed_by_moderator: a published lesson was taken down; unexpected: anything else.
 */
export const VIDEO_FAILURE_CODES = [
  "no_model",
  "model_unavailable",
  "model_failed",
  "invalid_lesson",
  "low_quality",
  "moderation_rejected",
  "removed_by_moderator",
  "unexpected",
] as const;

/** Why a lesson's video (its render job) is FAILED or UNAVAILABLE; the lesson itself stays published. */
export const MEDIA_FAILURE_CODES = [
  "speech_failed",
  "speech_bad_audio",
  "render_disabled",
  "speech_unavailable",
  "encoder_unavailable",
  "encode_failed",
  "render_failed",
] as const;

export const MODERATION_STATUSES = ["PENDING", "APPROVED", "FLAGGED", "REJECTED"] as const;

export const EVENT_TYPES = ["EXAM", "ASSIGNMENT", "STUDY_SESSION", "CLASS", "REMINDER", "OTHER"] as const;

export const ROLES = ["USER", "MODERATOR", "ADMIN"] as const;

export const VIDEO_SORTS = ["new", "top", "trending", "for_you"] as const;

/** Display colour per subject, shared by thumbnails and every client. */
export const SUBJECT_COLORS: Record<(typeof SUBJECTS)[number], string> = {
  MATH: "#4F46E5",
  BIOLOGY: "#16A34A",
  CHEMISTRY: "#0891B2",
  PHYSICS: "#7C3AED",
  COMPUTER_SCIENCE: "#2563EB",
  ENGLISH: "#DB2777",
  HISTORY: "#B45309",
  GEOGRAPHY: "#0D9488",
  ECONOMICS: "#CA8A04",
  PSYCHOLOGY: "#9333EA",
  LANGUAGES: "#E11D48",
  ART: "#EA580C",
  MUSIC: "#C026D3",
  OTHER: "#475569",
};

export const SUBJECT_LABELS: Record<(typeof SUBJECTS)[number], string> = {
  MATH: "Math",
  BIOLOGY: "Biology",
  CHEMISTRY: "Chemistry",
  PHYSICS: "Physics",
  COMPUTER_SCIENCE: "Computer science",
  ENGLISH: "English",
  HISTORY: "History",
  GEOGRAPHY: "Geography",
  ECONOMICS: "Economics",
  PSYCHOLOGY: "Psychology",
  LANGUAGES: "Languages",
  ART: "Art",
  MUSIC: "Music",
  OTHER: "Other",
};

/** How a planner event's type reads in lists, chips and the type picker (web and mobile alike). */
export const EVENT_TYPE_LABELS: Record<(typeof EVENT_TYPES)[number], string> = {
  EXAM: "Exam",
  ASSIGNMENT: "Assignment",
  STUDY_SESSION: "Study session",
  CLASS: "Class",
  REMINDER: "Reminder",
  OTHER: "Other",
};
