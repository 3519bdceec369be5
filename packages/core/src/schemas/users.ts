import { z } from "zod";
import { Role, Subject } from "../enums.js";
import { Id, Timestamp } from "./common.js";

export const DisplayName = z.string().trim().min(1).max(50);
export const AvatarColor = z.string().regex(/^#[0-9A-Fa-f]{6}$/, "Use a colour like #RRGGBB");

/** Preferences a client may set; unknown keys are refused like any other write. */
export const Preferences = z.strictObject({
  emailReminders: z.boolean().optional(),
  timeZone: z
    .string()
    .max(64)
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, "Unknown time zone")
    .optional(),
  theme: z.enum(["light", "dark", "system"]).optional(),
  narration: z.boolean().optional(),
  playbackRate: z.number().min(0.5).max(2).optional(),
});
export type Preferences = z.infer<typeof Preferences>;

export const User = z.object({
  id: Id,
  email: z.email(),
  emailVerified: z.boolean(),
  displayName: z.string(),
  avatarColor: z.string(),
  subjects: z.array(Subject),
  preferences: z.record(z.string(), z.unknown()),
  role: Role,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  lastActiveAt: Timestamp.nullable(),
});
export type User = z.infer<typeof User>;

export const PublicUser = z.object({
  id: Id,
  displayName: z.string(),
  avatarColor: z.string(),
  subjects: z.array(Subject),
  createdAt: Timestamp,
});
export type PublicUser = z.infer<typeof PublicUser>;

export const UserUpdateInput = z.strictObject({
  displayName: DisplayName.optional(),
  avatarColor: AvatarColor.optional(),
  subjects: z.array(Subject).max(14).optional(),
  preferences: Preferences.optional(),
});
export type UserUpdateInput = z.infer<typeof UserUpdateInput>;

export const UserStats = z.object({
  videosCreated: z.number().int(),
  commentsPosted: z.number().int(),
  ratingsGiven: z.number().int(),
  avgRatingReceived: z.number(),
  eventsCompleted: z.number().int(),
  eventsUpcoming: z.number().int(),
  studyMinutesThisWeek: z.number().int(),
  streakDays: z.number().int(),
});
export type UserStats = z.infer<typeof UserStats>;
