// GET /videos/:id/video.mp4 · /captions.vtt · /chapters.vtt: thin handlers over service.ts.
import { pipeline } from "node:stream/promises";
import { IdParam } from "@lm/core";
import { Router } from "express";
import type { AppContext } from "../../context.js";
import { parse } from "../../http/validate.js";
import type { MediaFile } from "./files.js";
import { openMediaFile } from "./service.js";

const FILES: MediaFile[] = ["video.mp4", "captions.vtt", "chapters.vtt"];

export function mediaRoutes(ctx: AppContext): Router {
  const r = Router();
  for (const file of FILES) {
    r.get(`/:id/${file}`, async (req, res) => {
      const out = await openMediaFile(ctx, {
        videoId: parse(IdParam, req.params, "params").id,
        file,
        auth: req.auth,
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
