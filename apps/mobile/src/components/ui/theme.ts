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

export const space = { xs: 4, sm: 8, md: 12, lg: 16, xl: 24 };
export const radius = 10;
