// Light, dark or follow the system; saved per device and applied to <html class="dark">.
import { create } from "zustand";

export type Theme = "light" | "dark" | "system";
const KEY = "lm.theme";

function apply(theme: Theme) {
  if (typeof document === "undefined") return;
  const dark =
    theme === "dark" ||
    (theme === "system" && typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
}

function initial(): Theme {
  try {
    const t = localStorage.getItem(KEY);
    if (t === "light" || t === "dark" || t === "system") return t;
  } catch {}
  return "system";
}

export function hasSavedTheme(): boolean {
  try {
    return localStorage.getItem(KEY) !== null;
  } catch {
    return true;
  }
}

export const useTheme = create<{ theme: Theme; setTheme(t: Theme): void }>((set) => ({
  theme: initial(),
  setTheme(theme) {
    try {
      localStorage.setItem(KEY, theme);
    } catch {}
    apply(theme);
    set({ theme });
  },
}));

export function watchSystemTheme(): () => void {
  apply(useTheme.getState().theme);
  if (typeof matchMedia !== "function") return () => {};
  const mq = matchMedia("(prefers-color-scheme: dark)");
  const onChange = () => apply(useTheme.getState().theme);
  mq.addEventListener?.("change", onChange);
  return () => mq.removeEventListener?.("change", onChange);
}
