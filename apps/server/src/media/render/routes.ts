// GET /videos/:id/video.mp4 · /captions.vtt · /chapters.vtt (`?token=` from /media-token for a
// PRIVATE lesson's player): thin handlers over service.ts and access.ts.
import { pipeline } from "node:stream/promises";
import { IdParam } from "@lm/core";
import { Router } from "express";
import type { AppContext } from "../../context.js";
import { requireAuth } from "../../http/auth.js";
import { parse } from "../../http/validate.js";
import { issueMediaToken } from "./access.js";
import type { MediaFile } from "./files.js";
import { openMediaFile } from "./service.js";

const FILES: MediaFile[] = ["video.mp4", "captions.vtt", "chapters.vtt"];

export function mediaRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get("/:id/media-token", requireAuth, async (req, res) => {
    const out = await issueMediaToken(ctx, parse(IdParam, req.params, "params").id, req.auth!);
    // A credential: never cached, not even privately.
    res.set("Cache-Control", "no-store").json(out);
  });
  for (const file of FILES) {
    r.get(`/:id/${file}`, async (req, res) => {
      const out = await openMediaFile(ctx, {
        videoId: parse(IdParam, req.params, "params").id,
        file,
        auth: req.auth,
        token: req.query.token,
        range: req.headers.range,
        ifNoneMatch: req.headers["if-none-match"],
        ifRange: req.get("if-range"),
        version: typeof req.query.v === "string" ? req.query.v : undefined,
      });
      res.status(out.status).set(out.headers);
      if (!out.body || req.method === "HEAD") return void res.end();
      await pipeline(out.body(), res).catch((err: NodeJS.ErrnoException) => {
        // A player that seeks drops the old request mid-file: normal, not an error.
        if (err.code !== "ERR_STREAM_PREMATURE_CLOSE") throw err;
      });
    });
  }
  return r;
}
