// /videos/*: thin handlers over VideosService and the view counter.
import { IdParam, ReportInput, VideoCreateInput, VideoListQuery, VideoUpdateInput, ViewInput } from "@lm/core";
import { Router } from "express";
import type { AppContext } from "../context.js";
import { requireAuth, requireVerified } from "../http/auth.js";
import { notFound } from "../http/errors.js";
import { parse } from "../http/validate.js";
import { thumbnailKey } from "../media/render/files.js";
import type { VideosService } from "./service.js";
import { ViewCounter } from "./views.js";

export function videoRoutes(ctx: AppContext, videos: VideosService): Router {
  const r = Router();
  const views = new ViewCounter(ctx.db);
  const id = (params: unknown) => parse(IdParam, params, "params").id;

  r.get("/", async (req, res) => {
    const query = parse(VideoListQuery, req.query, "query");
    // Signed-in pages carry the reader's own ratings and subjects: only anonymous ones are shared.
    if (req.auth || !ctx.feedCache) return void res.json(await videos.list(query, req.auth));
    const page = await videos.publicPage(query, ctx.feedCache);
    res.setHeader("Cache-Status", `lm-feed; ${page.hit ? "hit" : "fwd=miss; stored"}`); // RFC 9211
    res.type("application/json").send(page.body);
  });
  r.post("/", requireVerified(ctx.config.requireVerifiedEmail), async (req, res) => {
    res.status(202).json(await videos.create(req.auth!, parse(VideoCreateInput, req.body)));
  });
  r.get("/:id", async (req, res) => {
    res.json(await videos.get(id(req.params), req.auth));
  });
  r.patch("/:id", requireAuth, async (req, res) => {
    res.json(await videos.update(id(req.params), req.auth!, parse(VideoUpdateInput, req.body)));
  });
  r.delete("/:id", requireAuth, async (req, res) => {
    await videos.remove(id(req.params), req.auth!);
    res.status(204).end();
  });
  r.post("/:id/retry", requireAuth, async (req, res) => {
    res.status(202).json(await videos.retry(id(req.params), req.auth!));
  });
  r.post("/:id/report", requireAuth, async (req, res) => {
    await videos.report(id(req.params), req.auth!, parse(ReportInput, req.body).reason);
    res.status(202).json({});
  });
  r.post("/:id/view", async (req, res) => {
    const { clientId } = parse(ViewInput, req.body);
    const videoId = id(req.params);
    const viewer = req.auth
      ? ViewCounter.viewerKey(req.auth.userId, undefined, req.ip)
      : await ViewCounter.anonymousViewer(
          ctx.limits,
          videoId,
          clientId,
          req.ip,
          ctx.config.views.anonymousPerIpPerVideo,
        );
    await views.record(videoId, viewer, req.auth?.userId);
    res.status(204).end();
  });
  // Thumbnails are public images; private videos' thumbnails need the same visibility check.
  r.get("/:id/thumbnail.png", async (req, res) => {
    const videoId = id(req.params);
    const video = await videos.get(videoId, req.auth);
    const file = await ctx.storage.get(thumbnailKey(videoId));
    if (!file) throw notFound("Thumbnail");
    // A private lesson's thumbnail must not sit in shared caches for others to fetch.
    const scope = video.status === "PUBLIC" ? "public" : "private";
    res.setHeader("Cache-Control", `${scope}, max-age=31536000, immutable`);
    res.type(file.contentType).send(file.data);
  });
  return r;
}
