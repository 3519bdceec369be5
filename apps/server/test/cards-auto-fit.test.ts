// Automatic FSRS re-fits (issue 17): the worker's scheduled job fits students with enough reviews
// (never fitted, or with a log grown enough since their last fit), a bounded number per run, with the
// same child-process optimiser as POST /cards/optimize. The job runs through the real queue here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardsService } from "../src/cards/feature.js";
import { testConfig } from "../src/config.js";
import { JOBS } from "../src/jobs/queues.js";
import { makeUser, type TestServer, startTestServer, waitFor } from "./harness.js";
import { insertCards, insertHistory, insertLog } from "./support/review-history.js";

const MIN = 400;
const CRON = "15 4 * * *";
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({
    cardsOptimizer: { ...testConfig().cardsOptimizer, minReviews: MIN, maxReviews: 2000 },
    cardsAutoFit: { cron: CRON, perRun: 2, growth: 0.3, retryRefusedAfterMs: 7 * 86_400_000 },
  });
});
afterAll(() => s?.stop());

type User = Awaited<ReturnType<typeof makeUser>>;

/** Sends the job the schedule would send and waits for the worker to finish it. */
async function runJob() {
  const id = await s.ctx.queue.send(JOBS.cardsAutoFit, {});
  if (!id) throw new Error("job not queued");
  const job = await waitFor(async () => {
    const j = await s.ctx.queue.boss.getJobById(JOBS.cardsAutoFit, id);
    return j && ["completed", "failed"].includes(j.state) ? j : null;
  }, 60_000);
  expect(job.state, JSON.stringify(job.output)).toBe("completed");
}

const settings = async (u: User) => (await s.api("GET", "/cards/settings", { token: u.token })).body;
const setClock = (iso: string) => {
  cardsService(s.ctx).now = () => new Date(iso);
};

describe("scheduled FSRS re-fits", () => {
  it("the worker registers the job on its cron schedule (UTC)", async () => {
    const schedules = await s.ctx.queue.boss.getSchedules();
    expect(schedules.find((x) => x.name === JOBS.cardsAutoFit)).toMatchObject({ cron: CRON, timezone: "UTC" });
  });

  it("fits a student with enough reviews; one below the threshold keeps the defaults", async () => {
    setClock("2032-01-01T00:00:00Z");
    const enough = await makeUser(s);
    const few = await makeUser(s);
    await insertHistory(s.ctx.db, enough.id, 100, 5, new Date("2030-05-01T09:00:00Z")); // 500 reviews
    await insertHistory(s.ctx.db, few.id, 60, 5, new Date("2030-05-01T09:00:00Z")); // 300 reviews
    await runJob();
    const fitted = await settings(enough);
    expect(fitted.weights).toHaveLength(21);
    expect(fitted.optimizedReviews).toBe(500);
    expect(fitted.optimizedAt).toBe("2032-01-01T00:00:00.000Z");
    expect(await settings(few)).toMatchObject({ weights: null, optimizedAt: null });
  });

  it("re-fits only once the log has grown by the configured share since the last fit", async () => {
    setClock("2032-01-01T00:00:00Z");
    const u = await makeUser(s);
    await insertHistory(s.ctx.db, u.id, 100, 5, new Date("2030-05-01T09:00:00Z")); // 500 reviews
    await runJob();
    expect((await settings(u)).optimizedReviews).toBe(500);

    // 100 new reviews: 20% of the 500 the fit read, below the 30% that make a re-fit worth it.
    setClock("2033-01-01T00:00:00Z");
    await insertHistory(s.ctx.db, u.id, 20, 5, new Date("2032-02-01T09:00:00Z"));
    await runJob();
    expect(await settings(u)).toMatchObject({ optimizedReviews: 500, optimizedAt: "2032-01-01T00:00:00.000Z" });

    // 100 more: 200 new reviews, 40%.
    await insertHistory(s.ctx.db, u.id, 20, 5, new Date("2032-03-01T09:00:00Z"));
    await runJob();
    expect(await settings(u)).toMatchObject({ optimizedReviews: 700, optimizedAt: "2033-01-01T00:00:00.000Z" });
  });

  it("fits at most the configured number of students per run; the rest come next run", async () => {
    setClock("2034-01-01T00:00:00Z");
    const users = [await makeUser(s), await makeUser(s), await makeUser(s)];
    for (const u of users) await insertHistory(s.ctx.db, u.id, 90, 5, new Date("2033-02-01T09:00:00Z"));
    await runJob();
    const fittedAfterOne = (await Promise.all(users.map(settings))).filter((x) => x.weights !== null);
    expect(fittedAfterOne).toHaveLength(2);
    await runJob();
    const fittedAfterTwo = (await Promise.all(users.map(settings))).filter((x) => x.weights !== null);
    expect(fittedAfterTwo).toHaveLength(3);
  });

  it("a student the optimiser refuses is not tried again on every run", async () => {
    setClock("2036-01-01T00:00:00Z");
    const u = await makeUser(s);
    const start = new Date("2035-05-01T09:00:00Z");
    const ids = await insertCards(s.ctx.db, u.id, 100, start);
    // Five reviews of each card within one morning: nothing long-term for the optimiser to fit.
    await insertLog(
      s.ctx.db,
      u.id,
      ids.flatMap((cardId) =>
        [0, 1, 2, 3, 4].map((k) => ({ cardId, rating: 3 as const, at: new Date(start.getTime() + k * 600_000) })),
      ),
    );
    const refusedAt = async () =>
      (
        await s.ctx.db.query<{ at: Date | null }>(
          "select auto_fit_refused_at as at from public.card_settings where user_id = $1",
          [u.id],
        )
      )[0]?.at?.toISOString();
    await runJob();
    expect(await refusedAt()).toBe("2036-01-01T00:00:00.000Z");
    setClock("2036-01-02T00:00:00Z");
    await runJob();
    expect(await refusedAt()).toBe("2036-01-01T00:00:00.000Z");
    expect((await settings(u)).weights).toBeNull();
  });

  it("leaves weights the student set by hand alone", async () => {
    setClock("2035-01-01T00:00:00Z");
    const u = await makeUser(s);
    await insertHistory(s.ctx.db, u.id, 100, 5, new Date("2034-02-01T09:00:00Z"));
    const mine = Array.from({ length: 21 }, (_, i) => Number((0.1 + i / 10).toFixed(1)));
    const set = await s.api("PATCH", "/cards/settings", { token: u.token, body: { weights: mine } });
    expect(set.status).toBe(200);
    await runJob();
    expect(await settings(u)).toMatchObject({ weights: mine, optimizedAt: null });
  });
});
