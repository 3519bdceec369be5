// /users/*: profiles and study stats.
import { z } from "zod";
import { User, PublicUser, UserStats, UserUpdateInput } from "../schemas/users.js";
import type { IOFor, Routes } from "./define.js";

const tag = "Users";

export const users = {
  me: { method: "GET", path: "/users/me", access: "user", status: 200, tag, summary: "Your profile", errors: [] },
  get: {
    method: "GET",
    path: "/users/:id",
    access: "optional",
    status: 200,
    tag,
    summary: "A profile (public view for others)",
    errors: ["not_found"],
  },
  update: {
    method: "PATCH",
    path: "/users/:id",
    access: "user",
    status: 200,
    tag,
    summary: "Update your profile",
    errors: ["forbidden", "not_found"],
  },
  remove: {
    method: "DELETE",
    path: "/users/:id",
    access: "user",
    status: 204,
    tag,
    summary: "Delete an account and everything it owns",
    errors: ["forbidden", "not_found"],
  },
  stats: {
    method: "GET",
    path: "/users/:id/stats",
    access: "user",
    status: 200,
    tag,
    summary: "Your study stats",
    errors: ["forbidden", "not_found"],
  },
} as const satisfies Routes;

export const usersIO = () =>
  ({
    me: { response: User },
    get: { response: z.union([User, PublicUser]) },
    update: { body: UserUpdateInput, response: User },
    remove: {},
    stats: { response: UserStats },
  }) satisfies IOFor<typeof users>;
