// /planner/*: thin handlers (parse → one service call → present). Rules live in the services.
import { contract } from "@lm/core";
import { Router } from "express";
import { z } from "zod";
import { calendarBody } from "../http/body.js";
import { endpointRouter } from "../http/endpoint.js";
import { AppError } from "../http/errors.js";
import { parse } from "../http/validate.js";
import type { CalendarService } from "./calendar.js";
import type { PlanService } from "./plan.js";
import type { EventsService } from "./service.js";

export interface PlannerServices {
  events: EventsService;
  calendar: CalendarService;
  plan: PlanService;
}

// Completing one occurrence is its own action: nothing else may ride along with it.
const OccurrenceCompletion = z.strictObject({ occurrenceDate: z.string(), isCompleted: z.boolean() });

export function plannerRoutes(s: PlannerServices, bodyLimit: string): Router {
  const r = Router();
  // Every endpoint here is `none` or `user`: the email check never applies.
  const on = endpointRouter(r, { requireVerifiedEmail: false });
  const { planner: ep } = contract();
  on(ep.calendar, async ({ params }, _req, res) => {
    const body = await s.calendar.feed(params.token);
    res.type("text/calendar; charset=utf-8").setHeader("cache-control", "private, max-age=300");
    res.send(body);
  });
  on(ep.list, ({ query }, req) => s.events.list(req.auth!.userId, query));
  on(ep.create, ({ body }, req) => s.events.create(req.auth!.userId, body));
  on(ep.get, ({ params }, req) => s.events.get(req.auth!.userId, params.id));
  on(ep.update, ({ params, body }, req) => {
    const { occurrenceDate, ...input } = body;
    if (occurrenceDate === undefined) return s.events.update(req.auth!.userId, params.id, input);
    const done = parse(OccurrenceCompletion, req.body);
    return s.events.setOccurrenceCompleted(req.auth!.userId, params.id, occurrenceDate, done.isCompleted);
  });
  on(ep.remove, async ({ params }, req) => {
    await s.events.remove(req.auth!.userId, params.id);
  });
  on(ep.feedUrl, (_input, req) => s.calendar.feedUrl(req.auth!.userId));
  on(ep.rotateFeed, (_input, req) => s.calendar.rotate(req.auth!.userId));
  on(
    ep.import,
    ({ body }, req) => {
      if (typeof body !== "string") {
        throw new AppError("unsupported_media_type", "Send the calendar as text/calendar");
      }
      return s.calendar.importIcs(req.auth!.userId, body);
    },
    { before: [calendarBody(bodyLimit)] },
  );
  on(ep.plan, async ({ body }, req, res) => {
    const result = await s.plan.plan(req.auth!.userId, body);
    res.status(result.accepted ? 201 : 200).json(result);
  });
  return r;
}
