// /planner/*: thin handlers (parse → one service call → present). Rules live in the services.
import { IdParam, PlannerEventCreateInput, PlannerEventQuery, PlannerEventUpdateInput, StudyPlanInput } from "@lm/core";
import { Router } from "express";
import { z } from "zod";
import { requireAuth } from "../http/auth.js";
import { calendarBody } from "../http/body.js";
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
const FeedToken = z.object({ token: z.string().max(200) });

export function plannerRoutes(s: PlannerServices, bodyLimit: string): Router {
  const r = Router();
  // Public: calendar apps fetch the feed without a bearer token; the URL itself is the secret.
  r.get("/calendar/:token.ics", async (req, res) => {
    const body = await s.calendar.feed(parse(FeedToken, req.params, "params").token);
    res.type("text/calendar; charset=utf-8").setHeader("cache-control", "private, max-age=300");
    res.send(body);
  });

  r.use(requireAuth);
  r.get("/events", async (req, res) => {
    res.json(await s.events.list(req.auth!.userId, parse(PlannerEventQuery, req.query, "query")));
  });
  r.post("/events", async (req, res) => {
    res.status(201).json(await s.events.create(req.auth!.userId, parse(PlannerEventCreateInput, req.body)));
  });
  r.get("/events/:id", async (req, res) => {
    res.json(await s.events.get(req.auth!.userId, parse(IdParam, req.params, "params").id));
  });
  r.patch("/events/:id", async (req, res) => {
    const { id } = parse(IdParam, req.params, "params");
    const { occurrenceDate, ...input } = parse(PlannerEventUpdateInput, req.body);
    if (occurrenceDate === undefined) {
      res.json(await s.events.update(req.auth!.userId, id, input));
      return;
    }
    const done = parse(OccurrenceCompletion, req.body);
    res.json(await s.events.setOccurrenceCompleted(req.auth!.userId, id, occurrenceDate, done.isCompleted));
  });
  r.delete("/events/:id", async (req, res) => {
    await s.events.remove(req.auth!.userId, parse(IdParam, req.params, "params").id);
    res.status(204).end();
  });

  r.get("/calendar-feed", async (req, res) => {
    res.json(await s.calendar.feedUrl(req.auth!.userId));
  });
  r.post("/calendar-feed/rotate", async (req, res) => {
    res.json(await s.calendar.rotate(req.auth!.userId));
  });
  r.post("/import", calendarBody(bodyLimit), async (req, res) => {
    if (typeof req.body !== "string") {
      throw new AppError("unsupported_media_type", "Send the calendar as text/calendar");
    }
    res.status(201).json(await s.calendar.importIcs(req.auth!.userId, req.body));
  });

  r.post("/plan", async (req, res) => {
    const result = await s.plan.plan(req.auth!.userId, parse(StudyPlanInput, req.body));
    res.status(result.accepted ? 201 : 200).json(result);
  });
  return r;
}
