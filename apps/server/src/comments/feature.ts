// The comments feature: routes, and the worker that asks the model for a second opinion.
import type { Feature } from "../feature.js";
import { MODERATE_COMMENT, type ModerateCommentJob, runSecondOpinion } from "./moderation-job.js";
import { commentRoutes } from "./routes.js";
import { CommentsService } from "./service.js";

export const commentsFeature: Feature = {
  name: "comments",
  async init(ctx) {
    if (!ctx.runsWorkers) return;
    await ctx.queue.work<ModerateCommentJob>(MODERATE_COMMENT, { concurrency: 1 }, async (data) => {
      const outcome = await runSecondOpinion(ctx.db, ctx.llm, data);
      ctx.log.debug({ commentId: data.commentId, outcome }, "comment second opinion");
    });
  },
  routes(api, ctx) {
    const service = new CommentsService(ctx.db, ctx.queue);
    api.use(commentRoutes(service, ctx.config.requireVerifiedEmail));
  },
};
