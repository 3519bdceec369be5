export const plannerKeys = {
  all: ["planner"] as const,
  events: (from: string, to: string) => ["planner", "events", from, to] as const,
  exams: () => ["planner", "exams"] as const,
  feed: () => ["planner", "feed"] as const,
};
