// The contract's enums (api-v1.md "Enums"). Values are UPPER_SNAKE and never renamed.
import { z } from "zod";
import {
  DIFFICULTIES,
  EVENT_TYPES,
  MEDIA_FAILURE_CODES,
  MODERATION_STATUSES,
  ROLES,
  SUBJECTS,
  VIDEO_FAILURE_CODES,
  VIDEO_STATUSES,
} from "./constants.js";

export const Subject = z.enum(SUBJECTS);
export type Subject = z.infer<typeof Subject>;

export const Difficulty = z.enum(DIFFICULTIES);
export type Difficulty = z.infer<typeof Difficulty>;

export const VideoStatus = z.enum(VIDEO_STATUSES);
export type VideoStatus = z.infer<typeof VideoStatus>;

export const VideoFailureCode = z.enum(VIDEO_FAILURE_CODES);
export type VideoFailureCode = z.infer<typeof VideoFailureCode>;

export const MediaFailureCode = z.enum(MEDIA_FAILURE_CODES);
export type MediaFailureCode = z.infer<typeof MediaFailureCode>;

export const ModerationStatus = z.enum(MODERATION_STATUSES);
export type ModerationStatus = z.infer<typeof ModerationStatus>;

export const EventType = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventType>;

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
