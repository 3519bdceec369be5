// Issue 15 item 3: each kind of notification can be switched off in Settings; what is saved is the
// whole set, so a kind left on is stored as on.
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect, it } from "vitest";
import { useAuth } from "../stores/auth";
import { installFakeApi, json, makeUser, session } from "../testing/fake-api";
import { renderWithApp } from "../testing/render";
import SettingsPage from "./SettingsPage";

it("shows each kind's switch as saved and saves the changed set", async () => {
  const user = makeUser({ preferences: { timeZone: "UTC", notifications: { ratings: false } } });
  useAuth.getState().signIn(session(1), user);
  const { calls } = installFakeApi((req) => {
    if (req.method === "PATCH" && req.path === `/users/${user.id}`)
      return json(200, { ...user, preferences: (req.body as { preferences: object }).preferences });
  });
  const u = userEvent.setup();
  renderWithApp(<SettingsPage />, { path: "/settings", route: "/settings" });

  expect(screen.getByRole("checkbox", { name: "Ratings of my lessons" })).not.toBeChecked();
  expect(screen.getByRole("checkbox", { name: "Comments on my lessons" })).toBeChecked();
  expect(screen.getByRole("checkbox", { name: "My lesson is ready, or could not be made" })).toBeChecked();
  await u.click(screen.getByRole("checkbox", { name: "Comments on my lessons" }));
  await u.click(screen.getByRole("button", { name: /^Save/ }));

  await waitFor(() => expect(calls.some((c) => c.method === "PATCH")).toBe(true));
  const body = calls.find((c) => c.method === "PATCH")?.body as { preferences: { notifications: object } };
  expect(body.preferences.notifications).toEqual({ comments: false, ratings: false, lessons: true, moderation: true });
});
