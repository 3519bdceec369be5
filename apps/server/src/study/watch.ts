// Watch-time heartbeats (POST /videos/:id/watch): what a player reports is believed only as far as
// real time and the lesson's length allow, so study minutes cannot be inflated by a fast client,
// a replayed beat, several tabs or an endless loop of one lesson.
import type { WatchInput, WatchResult } from "@lm/core";
import type { Db } from "../db/index.js";
import { notFound } from "../http/errors.js";
import { localDayKey, zoneOf } from "../planner/index.js";
import * as repo from "./repository.js";

/** Network jitter: a beat may arrive this much sooner than the time it reports. */
export const SLACK_SEC = 5;
/**
 * Real time a student may claim that no earlier beat covered (after a break, or the last
 * beats of a pause sent back to back): three full beats. Beyond it, a beat counts only the
 * time that really passed since the time already counted.
 */
export const BACKLOG_SEC = 180;

export class WatchService {
  /** The service's clock; tests may move it. */
  now: () => Date = () => new Date();

  constructor(private readonly db: Db) {}

  async record(userId: string, videoId: string, beat: WatchInput): Promise<WatchResult> {
    const now = this.now();
    return this.db.withUser({ userId }, async (tx) => {
      const lesson = await repo.visibleLesson(tx, videoId);
      if (!lesson) throw notFound("Video");
      const tz = zoneOf({ time_zone: null }, (await repo.savedTimeZone(tx, userId))?.time_zone);
      const day = localDayKey(now, tz);
      await repo.lockStudent(tx, userId);
      // The student's clock: time up to here is already counted (for any lesson). It never lags
      // now by more than the backlog, and may run ahead of now by the slack at most.
      const clock = Math.max((await repo.studentClock(tx, userId))?.getTime() ?? 0, now.getTime() - BACKLOG_SEC * 1000);
      const realSec = Math.max(0, Math.floor((now.getTime() + SLACK_SEC * 1000 - clock) / 1000));
      const before = await repo.daySeconds(tx, userId, videoId, day);
      const counted = Math.max(0, Math.min(beat.secondsWatched, realSec, lesson.length_sec - before));
      if (counted > 0) {
        await repo.addSeconds(tx, {
          userId,
          videoId,
          day,
          seconds: counted,
          creditedUntil: new Date(clock + counted * 1000),
        });
      }
      return { countedSec: counted, todaySec: before + counted, capSec: lesson.length_sec };
    });
  }
}
