// Renders the real app/ routes (root layout and providers included) at a URL, for screen tests.
import path from "node:path";
import type { Session, User } from "@lm/core";
import { renderRouter } from "expo-router/testing-library";
import { tokenStore } from "../src/lib/api";

export const APP_DIR = path.join(__dirname, "..", "app");

export function renderApp(initialUrl = "/") {
  return renderRouter(APP_DIR, { initialUrl });
}

/** Starts the app signed in: a saved session and a /users/me that answers with `user`. */
export function signIn(session: Session): void {
  tokenStore.set(session);
}

export const meRoute = (user: User) => ({ "GET /users/me": () => user });
