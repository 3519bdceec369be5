// Small hooks shared by pages.
import { makeUseDebounced } from "@lm/core";
import { useEffect, useState, useSyncExternalStore } from "react";
import { APP_NAME } from "../config";

/** Sets the tab title; every page's title contains the app name. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
}

/** `value`, once it has stopped changing for `ms` (one implementation for web and mobile, in @lm/core). */
export const useDebounced = makeUseDebounced({ useState, useEffect });

function subscribeOnline(cb: () => void) {
  window.addEventListener("online", cb);
  window.addEventListener("offline", cb);
  return () => {
    window.removeEventListener("online", cb);
    window.removeEventListener("offline", cb);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
}
