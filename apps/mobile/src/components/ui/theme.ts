// Colours and spacing shared by every screen.
export const colors = {
  bg: "#F8FAFC",
  card: "#FFFFFF",
  text: "#0F172A",
  muted: "#64748B",
  border: "#E2E8F0",
  primary: "#4F46E5",
  primaryText: "#FFFFFF",
  danger: "#DC2626",
  success: "#16A34A",
  warning: "#B45309",
};

/**
 * The tab bar: its labels are small text, so each tint keeps WCAG AA (4.5:1) on the bar's background
 * (inactive #64748B on #FFFFFF is 4.76:1, active #4F46E5 is 6.29:1). The app has a light theme only.
 */
export const tabBar = { background: colors.card, active: colors.primary, inactive: colors.muted };

/** The slide counter over a subject-coloured slide: an opaque pill, so it reads on every subject colour. */
export const slideBadge = { text: colors.primaryText, background: colors.text };

export const space = { xs: 4, sm: 8, md: 12, lg: 16, xl: 24 };
export const radius = 10;
