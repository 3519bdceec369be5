// Web token storage: sessionStorage, so tokens end with the tab and are not shared between tabs.
import { createSessionStore, type KeyValueBackend } from "./session-store";

export function sessionStorageBackend(storage: Storage | undefined = globalThis.sessionStorage): KeyValueBackend {
  return {
    getItem: async (key) => storage?.getItem(key) ?? null,
    setItem: async (key, value) => storage?.setItem(key, value),
    removeItem: async (key) => storage?.removeItem(key),
  };
}

export const createTokenStore = () => createSessionStore(sessionStorageBackend());
