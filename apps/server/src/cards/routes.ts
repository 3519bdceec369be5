// /cards/* and /videos/:id/quiz-answers: thin handlers (parse → one service call). Rules live in the service.
import { contract } from "@lm/core";
import { Router } from "express";
import { endpointRouter } from "../http/endpoint.js";
import { zoneOf } from "../planner/index.js";
import { ownerTimeZone } from "../planner/service.js";
import { dueForecast } from "./forecast.js";
import { mastery } from "./mastery.js";
import type { CardsService } from "./service.js";
import type { Db } from "../db/index.js";

export function cardRoutes(cards: CardsService, db: Db): Router {
  const r = Router();
  // Every endpoint here is `user`: the email check never applies.
  const on = endpointRouter(r, { requireVerifiedEmail: false });
  const { cards: ep } = contract();
  on(ep.fromLesson, async ({ params }, req, res) => {
    const result = await cards.addLesson(req.auth!.userId, params.videoId);
    res.status(result.added > 0 ? 201 : 200).json(result);
  });
  on(ep.due, ({ query }, req) => cards.due(req.auth!.userId, query.limit));
  on(ep.mastery, (_input, req) => {
    const userId = req.auth!.userId;
    return db.withUser({ userId }, (tx) => mastery(tx, userId, cards.now()));
  });
  on(ep.forecast, ({ query }, req) => {
    const userId = req.auth!.userId;
    return db.withUser({ userId }, async (tx) => {
      const tz = zoneOf({ time_zone: null }, await ownerTimeZone(tx, userId));
      return dueForecast(tx, userId, tz, cards.now(), query.days);
    });
  });
  on(ep.settings, (_input, req) => cards.settings(req.auth!.userId));
  on(ep.updateSettings, ({ body }, req) => cards.updateSettings(req.auth!.userId, body));
  on(ep.optimize, (_input, req) => cards.optimize(req.auth!.userId));
  on(ep.get, ({ params }, req) => cards.get(req.auth!.userId, params.id));
  on(ep.remove, async ({ params }, req) => {
    await cards.remove(req.auth!.userId, params.id);
  });
  on(ep.review, ({ params, body }, req) => cards.review(req.auth!.userId, params.id, body));
  // Answering a lesson's quiz (a wrong answer adds the question to the deck).
  on(ep.answerQuiz, async ({ params, body }, req, res) => {
    const result = await cards.answerQuiz(req.auth!.userId, params.id, body);
    res.status(result.replayed ? 200 : 201).json(result);
  });
  return r;
}
