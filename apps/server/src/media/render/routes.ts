// GET /videos/:id/video.mp4 · /captions.vtt · /chapters.vtt (`?token=` from /media-token for a
// PRIVATE lesson's player): thin handlers over service.ts and access.ts.
import { pipeline } from "node:stream/promises";
import { contract } from "@lm/core";
import { Router } from "express";
import type { AppContext } from "../../context.js";
import { endpointRouter } from "../../http/endpoint.js";
import { issueMediaToken } from "./access.js";
import type { MediaFile } from "./files.js";
import { openMediaFile } from "./service.js";

export function mediaRoutes(ctx: AppContext): Router {
  const r = Router();
  const on = endpointRouter(r, ctx.config);
  const { videos } = contract();
  on(videos.mediaToken, async ({ params }, req, res) => {
    const out = await issueMediaToken(ctx, params.id, req.auth!);
    // A credential: never cached, not even privately.
    res.set("Cache-Control", "no-store").json(out);
  });
  const files = [
    ["video.mp4", videos.mp4],
    ["captions.vtt", videos.captions],
    ["chapters.vtt", videos.chapters],
  ] as const satisfies ReadonlyArray<readonly [MediaFile, unknown]>;
  for (const [file, ep] of files) {
    on(
      ep,
      async ({ params }, req, res) => {
        const out = await openMediaFile(ctx, {
          videoId: params.id,
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
      },
      { rawQuery: true },
    );
  }
  return r;
}
