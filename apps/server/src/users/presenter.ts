// Row → contract object. The only place that decides which user fields leave the server.
import type { PublicUser, User } from "@lm/core";

export interface UserRow {
  id: string;
  email: string;
  email_verified: boolean;
  display_name: string;
  avatar_color: string;
  subjects: string[];
  preferences: Record<string, unknown>;
  role: User["role"];
  created_at: Date;
  updated_at: Date;
  last_active_at: Date | null;
}

/** created_at as a Date, or as ISO text when the query formatted it (the video select list does). */
export type PublicUserRow = Pick<UserRow, "id" | "display_name" | "avatar_color" | "subjects"> & {
  created_at: Date | string;
};

export function toUser(r: UserRow): User {
  return {
    id: r.id,
    email: r.email,
    emailVerified: r.email_verified,
    displayName: r.display_name,
    avatarColor: r.avatar_color,
    subjects: r.subjects as User["subjects"],
    preferences: r.preferences,
    role: r.role,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    lastActiveAt: r.last_active_at?.toISOString() ?? null,
  };
}

export function toPublicUser(r: PublicUserRow): PublicUser {
  return {
    id: r.id,
    displayName: r.display_name,
    avatarColor: r.avatar_color,
    subjects: r.subjects as PublicUser["subjects"],
    createdAt: typeof r.created_at === "string" ? r.created_at : r.created_at.toISOString(),
  };
}

export const USER_COLUMNS =
  "id, email, email_verified, display_name, avatar_color, subjects, preferences, role, created_at, updated_at, last_active_at";
