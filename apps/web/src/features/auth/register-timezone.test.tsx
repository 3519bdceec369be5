// Issue 15 item 2: the browser's time zone and language are saved at sign-up, so reminders and
// e-mails are written in the student's zone and clock (4:34 PM, not 16:34 UTC) from the first day.
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, expect, it, vi } from "vitest";
import RegisterPage from "../../pages/RegisterPage";
import { useAuth } from "../../stores/auth";
import { installFakeApi, json, makeUser, session } from "../../testing/fake-api";
import { renderWithApp } from "../../testing/render";

afterEach(() => vi.restoreAllMocks());

it("saves the browser's time zone and language in the new account's preferences", async () => {
  const real = Intl.DateTimeFormat.prototype.resolvedOptions;
  vi.spyOn(Intl.DateTimeFormat.prototype, "resolvedOptions").mockImplementation(function (this: Intl.DateTimeFormat) {
    return { ...real.call(this), timeZone: "America/New_York", locale: "en-US" };
  });
  const fresh = makeUser({ preferences: {}, emailVerified: false });
  const { calls } = installFakeApi((req) => {
    if (req.path === "/auth/register") return json(201, { user: fresh, session: session(3) });
    if (req.method === "PATCH" && req.path === `/users/${fresh.id}`)
      return json(200, { ...fresh, preferences: (req.body as { preferences: object }).preferences });
  });
  const user = userEvent.setup();
  renderWithApp(<RegisterPage />, { path: "/register", route: "/register" });
  await user.type(screen.getByLabelText("Display name"), "Sam");
  await user.type(screen.getByLabelText("Email"), "sam@example.com");
  await user.type(screen.getByLabelText("Password"), "a much longer password");
  await user.click(screen.getByRole("button", { name: "Create account" }));
  await waitFor(() => expect(calls.some((c) => c.method === "PATCH")).toBe(true));
  expect(calls.find((c) => c.method === "PATCH")?.body).toEqual({
    preferences: { timeZone: "America/New_York", locale: "en-US" },
  });
  await waitFor(() => expect(useAuth.getState().user?.preferences.timeZone).toBe("America/New_York"));
});
