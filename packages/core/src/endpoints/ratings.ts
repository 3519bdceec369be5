// /ratings/*: rate a lesson, its public summary, and your own rating.
import { z } from "zod";
import { Id } from "../schemas/common.js";
import { RatingInput, RatingResult, RatingSummary, UserRating } from "../schemas/social.js";
import type { IOFor, Routes } from "./define.js";

const tag = "Ratings";

export const ratings = {
  rate: {
    method: "POST",
    path: "/ratings",
    access: "verified",
    status: 200,
    tag,
    summary: "Rate a lesson",
    errors: ["not_found", "cannot_rate_own_video"],
  },
  summary: {
    method: "GET",
    path: "/ratings",
    access: "optional",
    status: 200,
    tag,
    summary: "Rating summary",
    errors: ["not_found"],
  },
  ofUser: {
    method: "GET",
    path: "/ratings/user/:userId/video/:videoId",
    access: "user",
    status: 200,
    tag,
    summary: "Your own rating of a lesson",
    errors: ["forbidden", "not_found"],
  },
} as const satisfies Routes;

export const ratingsIO = () =>
  ({
    rate: { body: RatingInput, response: RatingResult },
    summary: { query: z.object({ videoId: Id }), response: RatingSummary },
    ofUser: { response: UserRating },
  }) satisfies IOFor<typeof ratings>;
