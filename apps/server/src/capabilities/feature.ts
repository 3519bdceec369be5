// GET /capabilities (public): what this server can do, so the apps adapt the lesson form before
// a student submits (notes required or not, video or slides) instead of learning it from a
// FAILED lesson's failureReason.
import { type Capabilities, contract } from "@lm/core";
import { Router } from "express";
import type { AppContext } from "../context.js";
import type { Feature } from "../feature.js";
import { endpointRouter } from "../http/endpoint.js";

/** An API-only instance never probes for espeak-ng or FFmpeg: the workers' setting stands in. */
const WORKERS_DECIDE = null;

export function capabilitiesOf(ctx: AppContext): Capabilities {
  const { llm, render, config } = ctx;
  const apiOnly = config.role === "api";
  const speech = render.speech ?? (render.renderer ? render.renderer.speech.engine : null);
  return {
    // The offline provider teaches only from the student's notes; a model can start from a topic.
    text: { provider: llm.name, topicOnly: llm.name !== "offline" },
    speech: speech ? { provider: speech } : null,
    video: apiOnly
      ? {
          available: config.video.render,
          reason: config.video.render ? WORKERS_DECIDE : "Video rendering is switched off (VIDEO_RENDER=false).",
        }
      : { available: render.renderer !== null, reason: render.unavailable?.reason ?? null },
  };
}

export const capabilitiesFeature: Feature = {
  name: "capabilities",
  routes(api, ctx) {
    const r = Router();
    endpointRouter(r, ctx.config)(contract().capabilities.get, () => capabilitiesOf(ctx));
    api.use(r);
  },
};
