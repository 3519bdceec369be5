// Every endpoint of /api/v1. `endpoints` is zod-free (method, path, access: what ApiClient needs);
// `contract()` joins each route with its schemas, for the server and the OpenAPI document.
// Apart from index.ts so types.ts can import Contract without importing the index that
// re-exports it (no cycle).
import { auth, authIO } from "./auth.js";
import { capabilities, capabilitiesIO } from "./capabilities.js";
import { cards, cardsIO } from "./cards.js";
import { comments, commentsIO } from "./comments.js";
import { joinRoutes } from "./define.js";
import { meta, metaIO } from "./meta.js";
import { moderation, moderationIO } from "./moderation.js";
import { notifications, notificationsIO } from "./notifications.js";
import { planner, plannerIO } from "./planner.js";
import { ratings, ratingsIO } from "./ratings.js";
import { users, usersIO } from "./users.js";
import { videos, videosIO } from "./videos.js";

export const endpoints = {
  auth,
  users,
  capabilities,
  videos,
  comments,
  moderation,
  ratings,
  planner,
  cards,
  notifications,
  meta,
} as const;

function build() {
  return {
    auth: joinRoutes("auth", auth, authIO()),
    users: joinRoutes("users", users, usersIO()),
    capabilities: joinRoutes("capabilities", capabilities, capabilitiesIO()),
    videos: joinRoutes("videos", videos, videosIO()),
    comments: joinRoutes("comments", comments, commentsIO()),
    moderation: joinRoutes("moderation", moderation, moderationIO()),
    ratings: joinRoutes("ratings", ratings, ratingsIO()),
    planner: joinRoutes("planner", planner, plannerIO()),
    cards: joinRoutes("cards", cards, cardsIO()),
    notifications: joinRoutes("notifications", notifications, notificationsIO()),
    meta: joinRoutes("meta", meta, metaIO()),
  } satisfies Record<keyof typeof endpoints, unknown>;
}

export type Contract = ReturnType<typeof build>;
let built: Contract | undefined;

/** Every endpoint with its schemas (built on first use, so the client's bundle needs no zod). */
export function contract(): Contract {
  built ??= build();
  return built;
}
