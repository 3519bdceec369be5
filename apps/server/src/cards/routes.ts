// /cards/* and /videos/:id/quiz-answers: thin handlers (parse → one service call). Rules live in the service.
import {
  CardReviewInput,
  CardSettingsInput,
  DueQuery,
  ForecastQuery,
  IdParam,
  QuizAnswerInput,
  VideoIdParam,
} from "@lm/core";
import { Router } from "express";
import { requireAuth } from "../http/auth.js";
import { parse } from "../http/validate.js";
import { zoneOf } from "../planner/reminders.js";
import { ownerSettings } from "../planner/repository.js";
import { dueForecast } from "./forecast.js";
import { mastery } from "./mastery.js";
import type { CardsService } from "./service.js";
import type { Db } from "../db/index.js";

export function cardRoutes(cards: CardsService, db: Db): Router {
  const r = Router();
  const id = (params: unknown) => parse(IdParam, params, "params").id;
  r.use(requireAuth);
  r.post("/from-lesson/:videoId", async (req, res) => {
    const { videoId } = parse(VideoIdParam, req.params, "params");
    const result = await cards.addLesson(req.auth!.userId, videoId);
    res.status(result.added > 0 ? 201 : 200).json(result);
  });
  r.get("/due", async (req, res) => {
    res.json(await cards.due(req.auth!.userId, parse(DueQuery, req.query, "query").limit));
  });
  r.get("/mastery", async (req, res) => {
    const userId = req.auth!.userId;
    res.json(await db.withUser({ userId }, (tx) => mastery(tx, userId, cards.now())));
  });
  r.get("/forecast", async (req, res) => {
    const userId = req.auth!.userId;
    const { days } = parse(ForecastQuery, req.query, "query");
    res.json(
      await db.withUser({ userId }, async (tx) => {
        const tz = zoneOf({ time_zone: null }, (await ownerSettings(tx, userId))?.time_zone);
        return dueForecast(tx, userId, tz, cards.now(), days);
      }),
    );
  });
  r.get("/settings", async (req, res) => {
    res.json(await cards.settings(req.auth!.userId));
  });
  r.patch("/settings", async (req, res) => {
    res.json(await cards.updateSettings(req.auth!.userId, parse(CardSettingsInput, req.body)));
  });
  r.get("/:id", async (req, res) => {
    res.json(await cards.get(req.auth!.userId, id(req.params)));
  });
  r.delete("/:id", async (req, res) => {
    await cards.remove(req.auth!.userId, id(req.params));
    res.status(204).end();
  });
  r.post("/:id/review", async (req, res) => {
    const cardId = id(req.params);
    res.json(await cards.review(req.auth!.userId, cardId, parse(CardReviewInput, req.body)));
  });
  return r;
}

/** Mounted under /videos: answering a lesson's quiz (a wrong answer adds the question to the deck). */
export function quizAnswerRoutes(cards: CardsService): Router {
  const r = Router();
  r.post("/:id/quiz-answers", requireAuth, async (req, res) => {
    const videoId = parse(IdParam, req.params, "params").id;
    const result = await cards.answerQuiz(req.auth!.userId, videoId, parse(QuizAnswerInput, req.body));
    res.status(result.replayed ? 200 : 201).json(result);
  });
  return r;
}
