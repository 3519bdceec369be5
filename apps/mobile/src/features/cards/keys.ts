// Query keys of the review deck on mobile, in one place so the live counts and the screen agree.
export const cardKeys = {
  all: ["cards"] as const,
  due: () => [...cardKeys.all, "due"] as const,
  counts: () => [...cardKeys.all, "counts"] as const,
  /** The profile's mastery uses this key too: one request serves both, and a review refreshes both. */
  mastery: () => [...cardKeys.all, "mastery"] as const,
  settings: () => [...cardKeys.all, "settings"] as const,
};
