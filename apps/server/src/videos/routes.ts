// /videos/*: thin handlers over VideosService and the view counter.
import { contract } from "@lm/core";
import { Router } from "express";
import type { AppContext } from "../context.js";
import { endpointRouter } from "../http/endpoint.js";
import { notFound } from "../http/errors.js";
import { thumbnailKey } from "../media/render/files.js";
import { regenerateKeyPoint } from "./key-points.js";
import type { VideosService } from "./service.js";
import { ViewCounter } from "./views.js";

export function videoRoutes(ctx: AppContext, videos: VideosService): Router {
  const r = Router();
  const on = endpointRouter(r, ctx.config);
  const { videos: ep } = contract();
  const views = new ViewCounter(ctx.db);

  on(ep.list, async ({ query }, req, res) => {
    // Signed-in pages carry the reader's own ratings and subjects: only anonymous ones are shared.
    if (req.auth || !ctx.feedCache) return videos.list(query, req.auth);
    const page = await videos.publicPage(query, ctx.feedCache);
    res.setHeader("Cache-Status", `lm-feed; ${page.hit ? "hit" : "fwd=miss; stored"}`); // RFC 9211
    res.type("application/json").send(page.body);
  });
  on(ep.create, ({ body }, req) => videos.create(req.auth!, body));
  on(ep.get, ({ params }, req) => videos.get(params.id, req.auth));
  on(ep.update, ({ params, body }, req) => videos.update(params.id, req.auth!, body));
  on(ep.remove, async ({ params }, req) => {
    await videos.remove(params.id, req.auth!);
  });
  on(ep.retry, ({ params }, req) => videos.retry(params.id, req.auth!));
  on(ep.report, async ({ params, body }, req) => {
    await videos.report(params.id, req.auth!, body.reason, body.keyPointIndex);
    return {};
  });
  on(ep.regenerateKeyPoint, async ({ params, body }, req) => {
    await regenerateKeyPoint(ctx, params.id, params.index, req.auth!, body.using);
    return videos.get(params.id, req.auth);
  });
  on(ep.view, async ({ params, body }, req) => {
    const viewer = req.auth
      ? ViewCounter.viewerKey(req.auth.userId, undefined, req.ip)
      : await ViewCounter.anonymousViewer(
          ctx.limits,
          params.id,
          body.clientId,
          req.ip,
          ctx.config.views.anonymousPerIpPerVideo,
        );
    await views.record(params.id, viewer, req.auth?.userId);
  });
  // Thumbnails are public images; private videos' thumbnails need the same visibility check.
  on(ep.thumbnail, async ({ params }, req, res) => {
    const video = await videos.get(params.id, req.auth);
    const file = await ctx.storage.get(thumbnailKey(params.id));
    if (!file) throw notFound("Thumbnail");
    // A private lesson's thumbnail must not sit in shared caches for others to fetch.
    const scope = video.status === "PUBLIC" ? "public" : "private";
    res.setHeader("Cache-Control", `${scope}, max-age=31536000, immutable`);
    res.type(file.contentType).send(file.data);
  });
  return r;
}
