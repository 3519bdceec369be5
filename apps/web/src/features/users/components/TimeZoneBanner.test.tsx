// Issue 15 item 2: when the device's zone differs from the saved one, the app offers to update it.
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, expect, it, vi } from "vitest";
import { useAuth } from "../../../stores/auth";
import { installFakeApi, json, makeUser, session } from "../../../testing/fake-api";
import { renderWithApp } from "../../../testing/render";
import { TimeZoneBanner } from "./TimeZoneBanner";

afterEach(() => vi.restoreAllMocks());

function inZone(zone: string) {
  const real = Intl.DateTimeFormat.prototype.resolvedOptions;
  vi.spyOn(Intl.DateTimeFormat.prototype, "resolvedOptions").mockImplementation(function (this: Intl.DateTimeFormat) {
    return { ...real.call(this), timeZone: zone };
  });
}

it("offers the device's zone and saves it", async () => {
  inZone("America/New_York");
  const user = makeUser({ preferences: { timeZone: "Europe/London" } });
  useAuth.getState().signIn(session(1), user);
  const { calls } = installFakeApi((req) => {
    if (req.method === "PATCH")
      return json(200, { ...user, preferences: (req.body as { preferences: object }).preferences });
  });
  renderWithApp(<TimeZoneBanner />);
  expect(screen.getByText("This device is on New York time; your reminders are written in London time.")).toBeVisible();
  await userEvent.setup().click(screen.getByRole("button", { name: "Use New York time" }));
  await waitFor(() => expect(useAuth.getState().user?.preferences.timeZone).toBe("America/New_York"));
  expect(calls.find((c) => c.method === "PATCH")?.body).toEqual({ preferences: { timeZone: "America/New_York" } });
  expect(screen.queryByText(/This device is on/)).toBeNull();
});

it("says nothing when the zones agree, and stays quiet once kept", async () => {
  inZone("Europe/London");
  useAuth.getState().signIn(session(1), makeUser({ preferences: { timeZone: "Europe/London" } }));
  const { unmount } = renderWithApp(<TimeZoneBanner />);
  expect(screen.queryByText(/This device is on/)).toBeNull();
  unmount();

  vi.restoreAllMocks();
  inZone("Asia/Tokyo");
  renderWithApp(<TimeZoneBanner />);
  await userEvent.setup().click(screen.getByRole("button", { name: "Keep London" }));
  expect(screen.queryByText(/This device is on/)).toBeNull();
});
