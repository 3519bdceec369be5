// Display text for video enums and counts.
import { type Difficulty, SUBJECT_LABELS, type Subject, type VideoStatus } from "@lm/core";

export const difficultyLabel = (d: Difficulty) => d.charAt(0) + d.slice(1).toLowerCase();
export const subjectLabel = (s: Subject) => SUBJECT_LABELS[s];

export const STATUS_TEXT: Record<VideoStatus, string> = {
  PENDING: "Queued",
  GENERATING: "Writing your lesson…",
  PUBLIC: "Published",
  PRIVATE: "Ready (private)",
  FAILED: "Generation failed",
  REJECTED: "Rejected by moderation",
};

export function ratingText(avg: number, count: number): string {
  return count === 0 ? "Not rated yet" : `★ ${avg.toFixed(1)} (${count})`;
}
