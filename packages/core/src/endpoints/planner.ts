// /planner/*: events, the calendar feed and import, and exam plans.
import { z } from "zod";
import {
  PlannerEvent,
  PlannerEventCreateInput,
  PlannerEventQuery,
  PlannerEventUpdateInput,
  StudyPlanInput,
  StudyPlanResult,
} from "../schemas/planner.js";
import type { IOFor, Routes } from "./define.js";

const tag = "Planner";

export const planner = {
  // Public: calendar apps fetch the feed without a bearer token; the URL itself is the secret.
  calendar: {
    method: "GET",
    path: "/planner/calendar/:token.ics",
    access: "none",
    status: 200,
    tag,
    summary: "Your events as an iCalendar feed, for calendar apps (the token in the URL is the secret)",
    errors: ["not_found"],
    responseType: "text/calendar",
  },
  list: {
    method: "GET",
    path: "/planner/events",
    access: "user",
    status: 200,
    tag,
    summary: "Your events",
    errors: ["expansion_limit"],
  },
  create: {
    method: "POST",
    path: "/planner/events",
    access: "user",
    status: 201,
    tag,
    summary: "Create an event",
    errors: [],
  },
  get: {
    method: "GET",
    path: "/planner/events/:id",
    access: "user",
    status: 200,
    tag,
    summary: "One of your events",
    errors: ["not_found"],
  },
  update: {
    method: "PATCH",
    path: "/planner/events/:id",
    access: "user",
    status: 200,
    tag,
    summary: "Update an event",
    errors: ["not_found"],
  },
  remove: {
    method: "DELETE",
    path: "/planner/events/:id",
    access: "user",
    status: 204,
    tag,
    summary: "Delete an event",
    errors: ["not_found"],
  },
  feedUrl: {
    method: "GET",
    path: "/planner/calendar-feed",
    access: "user",
    status: 200,
    tag,
    summary: "Your calendar feed's URL (made on first use)",
    errors: [],
  },
  rotateFeed: {
    method: "POST",
    path: "/planner/calendar-feed/rotate",
    access: "user",
    status: 200,
    tag,
    summary: "A new calendar feed URL; the old one stops working",
    errors: [],
  },
  import: {
    method: "POST",
    path: "/planner/import",
    access: "user",
    status: 201,
    tag,
    summary: "Import events from an iCalendar file (text/calendar)",
    errors: ["unsupported_media_type", "payload_too_large", "expansion_limit"],
    bodyType: "text/calendar",
  },
  plan: {
    method: "POST",
    path: "/planner/plan",
    access: "user",
    status: 200,
    tag,
    summary:
      "Exam plan (extension): sessions before an exam that review the cards due by then, re-watch the weakest lessons and end with a practice quiz; stored when accept is true",
    errors: ["not_found"],
  },
} as const satisfies Routes;

const FeedUrl = () => z.object({ url: z.string() });

export const plannerIO = () =>
  ({
    calendar: { params: z.object({ token: z.string().max(200) }) },
    list: {
      query: PlannerEventQuery,
      response: z.object({ items: z.array(PlannerEvent), nextCursor: z.string().nullable() }),
    },
    create: { body: PlannerEventCreateInput, response: PlannerEvent },
    get: { response: PlannerEvent },
    update: { body: PlannerEventUpdateInput, response: PlannerEvent },
    remove: {},
    feedUrl: { response: FeedUrl() },
    rotateFeed: { response: FeedUrl() },
    import: { body: z.string(), response: z.object({ imported: z.number().int() }) },
    plan: { body: StudyPlanInput, response: StudyPlanResult },
  }) satisfies IOFor<typeof planner>;
