// /notifications/*: the signed-in user's inbox.
import { Page, PageQuery } from "../schemas/common.js";
import { Notification, UnreadCount } from "../schemas/social.js";
import type { IOFor, Routes } from "./define.js";

const tag = "Notifications";

export const notifications = {
  list: {
    method: "GET",
    path: "/notifications",
    access: "user",
    status: 200,
    tag,
    summary: "Your notifications",
    errors: [],
  },
  unreadCount: {
    method: "GET",
    path: "/notifications/unread-count",
    access: "user",
    status: 200,
    tag,
    summary: "How many of your notifications are unread (extension)",
    errors: [],
  },
  readAll: {
    method: "POST",
    path: "/notifications/read-all",
    access: "user",
    status: 204,
    tag,
    summary: "Mark all your notifications read",
    errors: [],
  },
  read: {
    method: "POST",
    path: "/notifications/:id/read",
    access: "user",
    status: 204,
    tag,
    summary: "Mark one notification read",
    errors: ["not_found"],
  },
} as const satisfies Routes;

export const notificationsIO = () =>
  ({
    list: { query: PageQuery, response: Page(Notification) },
    unreadCount: { response: UnreadCount },
    readAll: {},
    read: {},
  }) satisfies IOFor<typeof notifications>;
