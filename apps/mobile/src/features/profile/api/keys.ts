// Query keys for the profile tab. Mastery keeps the cards feature's key so a review refreshes it.
export const profileKeys = {
  stats: (userId: string) => ["stats", userId] as const,
  mastery: () => ["cards", "mastery"] as const,
};
