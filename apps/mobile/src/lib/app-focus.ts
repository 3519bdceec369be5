// On the phone, "window focus" is the app coming back to the foreground: React Query refreshes stale screens then.
import { focusManager } from "@tanstack/react-query";
import { AppState } from "react-native";

export function watchAppFocus(): void {
  focusManager.setEventListener((setFocused) => {
    const sub = AppState.addEventListener("change", (state) => setFocused(state === "active"));
    return () => sub.remove();
  });
}
