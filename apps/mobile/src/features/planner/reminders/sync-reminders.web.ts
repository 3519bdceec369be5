// The web build has no scheduled local notifications; the server's reminders still arrive in-app.
import type { PlannerEvent } from "@lm/core";
import type { ScheduleDiff } from "./schedule-diff";

export async function syncReminders(_events: PlannerEvent[]): Promise<ScheduleDiff> {
  return { cancel: [], schedule: [] };
}
