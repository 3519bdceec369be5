// Unit: which local notifications the device should hold for the planner, and the diff to get there.
import type { PlannerEvent } from "@lm/core";
import * as Notifications from "expo-notifications";
import { diffSchedule, MAX_SCHEDULED, planReminders, describeLead } from "./schedule-diff";
import { syncReminders } from "./sync-reminders";

const now = new Date("2026-11-26T08:00:00.000Z");
const event = (over: Partial<PlannerEvent> = {}): PlannerEvent => ({
  id: "11111111-1111-4111-8111-111111111111",
  title: "Biology exam",
  description: null,
  subject: "BIOLOGY",
  type: "EXAM",
  startDate: "2026-11-27T09:00:00.000Z",
  endDate: null,
  isCompleted: false,
  reminders: [60, 1440],
  createdAt: now.toISOString(),
  updatedAt: now.toISOString(),
  ...over,
});

describe("reminder scheduling", () => {
  test("one notification per reminder still ahead, soonest first", () => {
    const planned = planReminders([event()], now);
    expect(planned.map((r) => r.fireAt.toISOString())).toEqual([
      "2026-11-26T09:00:00.000Z",
      "2026-11-27T08:00:00.000Z",
    ]);
    expect(planned[0]).toMatchObject({ title: "Biology exam", body: "Starts in 1 day" });
    expect(planned[1].body).toBe("Starts in 1 hour");
  });

  test("reminders in the past and completed events are not scheduled", () => {
    expect(planReminders([event({ reminders: [1500] })], now)).toEqual([]);
    expect(planReminders([event({ isCompleted: true })], now)).toEqual([]);
  });

  test("an unchanged plan changes nothing on the device", () => {
    const planned = planReminders([event()], now);
    expect(
      diffSchedule(
        planned,
        planned.map((r) => r.identifier),
      ),
    ).toEqual({ cancel: [], schedule: [] });
  });

  test("moving an event cancels its old reminders and schedules new ones", () => {
    const before = planReminders([event()], now);
    const after = planReminders([event({ startDate: "2026-11-28T09:00:00.000Z" })], now);
    const diff = diffSchedule(
      after,
      before.map((r) => r.identifier),
    );
    expect(diff.cancel.sort()).toEqual(before.map((r) => r.identifier).sort());
    expect(diff.schedule).toHaveLength(2);
  });

  test("renaming an event or dropping one reminder is reflected", () => {
    const before = planReminders([event()], now);
    expect(
      diffSchedule(
        planReminders([event({ title: "Renamed" })], now),
        before.map((r) => r.identifier),
      ).cancel,
    ).toHaveLength(2);
    const fewer = diffSchedule(
      planReminders([event({ reminders: [60] })], now),
      before.map((r) => r.identifier),
    );
    expect(fewer.cancel).toHaveLength(1);
    expect(fewer.schedule).toHaveLength(0);
  });

  test("a deleted event's reminders are cancelled; other apps' notifications are left alone", () => {
    const before = planReminders([event()], now).map((r) => r.identifier);
    expect(diffSchedule([], [...before, "something-else"]).cancel.sort()).toEqual(before.sort());
  });

  test("never more than the platform allows", () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      event({ id: `11111111-1111-4111-8111-${String(i).padStart(12, "0")}`, reminders: [10, 30, 60] }),
    );
    expect(planReminders(many, now)).toHaveLength(MAX_SCHEDULED);
  });

  test("sync applies the diff through expo-notifications", async () => {
    const scheduled: string[] = [];
    jest
      .mocked(Notifications.getAllScheduledNotificationsAsync)
      .mockResolvedValue(
        ["lm-reminder:stale"].map((identifier) => ({ identifier }) as Notifications.NotificationRequest),
      );
    jest
      .mocked(Notifications.getPermissionsAsync)
      .mockResolvedValue({ granted: true } as Notifications.NotificationPermissionsStatus);
    jest.mocked(Notifications.scheduleNotificationAsync).mockImplementation(async (req) => {
      scheduled.push(String(req.identifier));
      return String(req.identifier);
    });
    const diff = await syncReminders([event()], now);
    expect(Notifications.cancelScheduledNotificationAsync).toHaveBeenCalledWith("lm-reminder:stale");
    expect(scheduled).toEqual(diff.schedule.map((r) => r.identifier));
    expect(scheduled).toHaveLength(2);
  });
});

describe("describeLead wording", () => {
  test.each([
    [1, "in 1 minute"],
    [10, "in 10 minutes"],
    [60, "in 1 hour"],
    [120, "in 2 hours"],
    [1440, "in 1 day"],
    [2880, "in 2 days"],
  ])("%i minutes → %s", (minutes, text) => {
    expect(describeLead(minutes)).toBe(text);
  });
});
