// A verification link opened twice says the address is already verified and offers to log in.
import { screen } from "expo-router/testing-library";
import { fakeApi, reply } from "../../../test/fake-api";
import { renderApp } from "../../../test/render-app";

test("a used verification link of a verified address says so and offers to log in", async () => {
  fakeApi({
    "POST /auth/verify-email": () =>
      reply(400, {
        code: "invalid_token",
        reason: "already_verified",
        detail: "This email address is already verified. Log in to continue.",
      }),
  });
  renderApp("/verify-email?token=used");
  expect(await screen.findByText(/This email address is already verified/)).toBeTruthy();
  expect(screen.getByRole("button", { name: "Log in" })).toBeTruthy();
  expect(screen.queryByText(/invalid or has expired/)).toBeNull();
});
