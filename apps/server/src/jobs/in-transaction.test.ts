// The one job module checks a payload against its queue's schema before anything reaches pg-boss,
// and puts the transaction back in the caller's role after queueing or cancelling.
import { describe, expect, it } from "vitest";
import type { Queryable } from "../db/index.js";
import { cancelAsUser, scheduleAsService, scheduleAsUser } from "./in-transaction.js";
import type { Queue } from "./queue.js";
import { JOBS } from "./queues.js";

const USER = "7b0c3a55-1a0e-4f5e-9a55-6a1b2c3d4e5f";
const EVENT = "1c9e2f4a-8b3d-4e6f-a1b2-c3d4e5f6a7b8";

/** A transaction that records its statements, and a pg-boss that records what it was asked. */
function recorder() {
  const log: string[] = [];
  const calls: Array<{ op: string; args: unknown[] }> = [];
  const tx: Queryable = {
    query: async (sql) => {
      log.push(sql);
      return [];
    },
    exec: async (sql) => {
      log.push(sql);
      return [];
    },
  };
  const boss = {
    insert: async (...args: unknown[]) => void calls.push({ op: "insert", args }),
    cancel: async (...args: unknown[]) => void calls.push({ op: "cancel", args }),
  };
  return { tx, log, calls, queue: { boss } as unknown as Queue };
}

const reminder = (over: Record<string, unknown> = {}) => ({
  id: "0a1b2c3d-4e5f-5a6b-8c7d-8e9f0a1b2c3d",
  startAfter: new Date("2031-06-01T08:45:00Z"),
  data: {
    eventId: EVENT,
    userId: USER,
    occurrence: "2031-06-01T09:00:00.000Z",
    minutes: 15,
    revision: "2031-05-01T10:00:00.123Z",
    ...over,
  },
});

describe("scheduling reminders through the job module", () => {
  it("inserts the batch once, named by the queue, and acts as the student again afterwards", async () => {
    const r = recorder();
    await scheduleAsUser(r.queue, r.tx, USER, JOBS.sendReminder, [reminder(), reminder({ minutes: 60 })]);
    expect(r.calls).toHaveLength(1);
    const [rows] = r.calls[0].args as [Array<{ name: string; data: { minutes: number } }>];
    expect(rows.map((j) => [j.name, j.data.minutes])).toEqual([
      ["send-reminder", 15],
      ["send-reminder", 60],
    ]);
    expect(r.log.at(-1)).toContain("authenticated");
    expect(r.log.at(-1)).toContain(USER);
  });

  it("refuses a payload its queue's schema does not describe, before pg-boss sees it", async () => {
    const r = recorder();
    for (const bad of [{ minutes: -5 }, { occurrence: "next tuesday" }, { eventId: "abc" }]) {
      // Types allow these (a negative number, any string); only the schema knows better.
      await expect(scheduleAsService(r.queue, r.tx, JOBS.sendReminder, [reminder(bad)])).rejects.toThrow();
    }
    expect(r.calls).toEqual([]);
    // The role is put back even when the payload was refused.
    expect(r.log.at(-1)).toContain("service_role");
  });

  it("an empty batch touches neither the queue nor the transaction's role", async () => {
    const r = recorder();
    await scheduleAsUser(r.queue, r.tx, USER, JOBS.sendReminder, []);
    await cancelAsUser(r.queue, r.tx, USER, JOBS.sendReminder, []);
    expect(r.calls).toEqual([]);
    expect(r.log).toEqual([]);
  });

  it("cancels by id in the reminders' queue", async () => {
    const r = recorder();
    await cancelAsUser(r.queue, r.tx, USER, JOBS.sendReminder, ["a", "b"]);
    expect(r.calls).toEqual([{ op: "cancel", args: ["send-reminder", ["a", "b"], { db: expect.any(Object) }] }]);
  });
});
