// The web build schedules no local notifications, so there is nothing to tap.
export function useReminderTaps(): void {}
