import { z } from "zod";
import { Role, Subject } from "../enums.js";
import { isFormattableLocale } from "../locale.js";
import { Id, Timestamp } from "./common.js";

export const DisplayName = z.string().trim().min(1).max(50);
export const AvatarColor = z.string().regex(/^#[0-9A-Fa-f]{6}$/, "Use a colour like #RRGGBB");

/** Kinds of in-app notification a student can switch off (all on when unset). */
export const NOTIFICATION_KINDS = ["comments", "ratings", "lessons", "moderation"] as const;
export type NotificationPrefKind = (typeof NOTIFICATION_KINDS)[number];
/** What each switch covers, as Settings words it. */
export const NOTIFICATION_KIND_LABELS: Record<NotificationPrefKind, string> = {
  comments: "Comments on my lessons",
  ratings: "Ratings of my lessons",
  lessons: "My lesson is ready, or could not be made",
  moderation: "A moderator decided on my held comment",
};
export const NotificationPreferences = z.strictObject({
  comments: z.boolean().optional(),
  ratings: z.boolean().optional(),
  lessons: z.boolean().optional(),
  moderation: z.boolean().optional(),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

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
  /** The language times are written in for this student ("en-US": 4:34 PM; "en-GB": 16:34). */
  locale: z.string().max(35).refine(isFormattableLocale, "Unknown language tag").optional(),
  theme: z.enum(["light", "dark", "system"]).optional(),
  narration: z.boolean().optional(),
  playbackRate: z.number().min(0.5).max(2).optional(),
  /** In-app notifications by kind; a kind switched off is never written to the inbox. */
  notifications: NotificationPreferences.optional(),
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
