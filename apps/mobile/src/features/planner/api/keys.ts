// The planner's query keys: one list covers the agenda, the week view and the reminders.
export const plannerKeys = {
  all: ["planner"] as const,
  events: () => ["planner", "events"] as const,
};
