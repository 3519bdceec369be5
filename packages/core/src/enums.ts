// The contract's enums (api-v1.md "Enums"). Values are UPPER_SNAKE and never renamed.
import { z } from "zod";

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
export const Subject = z.enum(SUBJECTS);
export type Subject = z.infer<typeof Subject>;

export const DIFFICULTIES = ["BEGINNER", "INTERMEDIATE", "ADVANCED"] as const;
export const Difficulty = z.enum(DIFFICULTIES);
export type Difficulty = z.infer<typeof Difficulty>;

export const VIDEO_STATUSES = ["PENDING", "GENERATING", "PUBLIC", "PRIVATE", "FAILED", "REJECTED"] as const;
export const VideoStatus = z.enum(VIDEO_STATUSES);
export type VideoStatus = z.infer<typeof VideoStatus>;

export const MODERATION_STATUSES = ["PENDING", "APPROVED", "FLAGGED", "REJECTED"] as const;
export const ModerationStatus = z.enum(MODERATION_STATUSES);
export type ModerationStatus = z.infer<typeof ModerationStatus>;

export const EVENT_TYPES = ["EXAM", "ASSIGNMENT", "STUDY_SESSION", "CLASS", "REMINDER", "OTHER"] as const;
export const EventType = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventType>;

export const ROLES = ["USER", "MODERATOR", "ADMIN"] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Display colour per subject, shared by thumbnails and every client. */
export const SUBJECT_COLORS: Record<Subject, string> = {
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

export const SUBJECT_LABELS: Record<Subject, string> = {
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
