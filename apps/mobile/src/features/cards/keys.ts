// Query keys of the review deck on mobile, in one place so the live counts and the screen agree.
export const cardKeys = {
  all: ["cards"] as const,
  due: () => [...cardKeys.all, "due"] as const,
  counts: () => [...cardKeys.all, "counts"] as const,
};
