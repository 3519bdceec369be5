// What other features use of the planner's time rules: the zone an event is read in, the local
// day a moment falls on, and the card shape an exam plan takes. Re-exports only, no service.
export type { PlanCard } from "./domain/exam-activities.js";
export { localDayKey } from "./domain/tz.js";
export { zoneOf } from "./reminders.js";
