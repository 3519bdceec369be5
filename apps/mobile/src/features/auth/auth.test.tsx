// Screens: log in, sign up, and the verify-email / reset-password deep links.
import { fireEvent, screen, waitFor } from "expo-router/testing-library";
import * as SecureStore from "expo-secure-store";
import { fakeApi, reply } from "../../../test/fake-api";
import { makeSession, makeUser } from "../../../test/factories";
import { renderApp, signIn } from "../../../test/render-app";
import { tokenStore } from "../../lib/api";
import { SESSION_KEY } from "./session-store";

const emptyFeed = { "GET /videos": () => ({ items: [], nextCursor: null }) };

afterEach(() => tokenStore.set(null));

describe("auth screens", () => {
  test("log in stores the session in the secure store and lands on the feed", async () => {
    const user = makeUser();
    const api = fakeApi({
      ...emptyFeed,
      "POST /auth/login": () => ({ user, session: makeSession("login") }),
    });
    const router = renderApp("/login");
    fireEvent.changeText(await screen.findByLabelText("Email"), "Ada@Example.com ");
    fireEvent.changeText(screen.getByLabelText("Password"), "correct horse");
    fireEvent.press(screen.getByRole("button", { name: "Log in" }));
    await waitFor(() => expect(router.getPathname()).toBe("/"));
    expect(api.callsTo("POST", "/auth/login")[0].body).toEqual({ email: "ada@example.com", password: "correct horse" });
    await tokenStore.flush();
    expect(await SecureStore.getItemAsync(SESSION_KEY)).toContain("refresh-login");
  });

  test("wrong credentials show the server's message and stay on the form", async () => {
    fakeApi({
      "POST /auth/login": () =>
        reply(401, { code: "invalid_credentials", detail: "Invalid email or password", status: 401 }),
    });
    const router = renderApp("/login");
    fireEvent.changeText(await screen.findByLabelText("Email"), "ada@example.com");
    fireEvent.changeText(screen.getByLabelText("Password"), "nope-nope");
    fireEvent.press(screen.getByRole("button", { name: "Log in" }));
    expect(await screen.findByText("Invalid email or password")).toBeTruthy();
    expect(router.getPathname()).toBe("/login");
  });

  test("sign-up checks the form with the shared schema before sending anything", async () => {
    const api = fakeApi({});
    renderApp("/register");
    fireEvent.changeText(await screen.findByLabelText("Display name"), "Ada");
    fireEvent.changeText(screen.getByLabelText("Email"), "not-an-email");
    fireEvent.changeText(screen.getByLabelText("Password"), "short");
    fireEvent.press(screen.getByRole("button", { name: "Sign up" }));
    expect(await screen.findByText("Use at least 8 characters")).toBeTruthy();
    expect(api.calls).toHaveLength(0);
  });

  test("sign-up shows a taken email next to the field", async () => {
    fakeApi({
      "POST /auth/register": () =>
        reply(409, {
          code: "email_taken",
          status: 409,
          errors: [{ path: "email", message: "Email already registered" }],
        }),
    });
    renderApp("/register");
    fireEvent.changeText(await screen.findByLabelText("Display name"), "Ada");
    fireEvent.changeText(screen.getByLabelText("Email"), "ada@example.com");
    fireEvent.changeText(screen.getByLabelText("Password"), "long enough pass");
    fireEvent.press(screen.getByRole("button", { name: "Sign up" }));
    expect(await screen.findByText("Email already registered")).toBeTruthy();
  });

  test("sign-up saves the phone's time zone and language, so reminders read in the student's clock", async () => {
    const created = makeUser({ preferences: {} });
    const api = fakeApi({
      ...emptyFeed,
      "POST /auth/register": () => ({ user: created, session: makeSession("new") }),
      "PATCH /users/:id": (req) => ({ ...created, ...(req.body as object) }),
    });
    const router = renderApp("/register");
    fireEvent.changeText(await screen.findByLabelText("Display name"), "Ada");
    fireEvent.changeText(screen.getByLabelText("Email"), "ada@example.com");
    fireEvent.changeText(screen.getByLabelText("Password"), "long enough pass");
    fireEvent.press(screen.getByRole("button", { name: "Sign up" }));
    await waitFor(() => expect(api.callsTo("PATCH", `/users/${created.id}`)).toHaveLength(1));
    const { timeZone, locale } = Intl.DateTimeFormat().resolvedOptions();
    expect(api.callsTo("PATCH", `/users/${created.id}`)[0].body).toEqual({ preferences: { timeZone, locale } });
    await waitFor(() => expect(router.getPathname()).toBe("/"));
  });

  test("the verify-email deep link sends its token once and confirms", async () => {
    const api = fakeApi({ "POST /auth/verify-email": () => ({ user: makeUser({ emailVerified: true }) }) });
    renderApp("/verify-email?token=tok-123");
    expect(await screen.findByText(/Your email is verified/)).toBeTruthy();
    expect(api.callsTo("POST", "/auth/verify-email").map((c) => c.body)).toEqual([{ token: "tok-123" }]);
  });

  test("an expired verification link says so", async () => {
    fakeApi({
      "POST /auth/verify-email": () => reply(400, { code: "invalid_token", detail: "Invalid or expired token" }),
    });
    renderApp("/verify-email?token=old");
    expect(await screen.findByText("Invalid or expired token")).toBeTruthy();
  });

  test("the reset-password deep link sets a new password with its token", async () => {
    const api = fakeApi({ "POST /auth/reset-password": () => reply(200, {}) });
    renderApp("/reset-password?token=reset-1");
    fireEvent.changeText(await screen.findByLabelText("New password"), "a brand new pass");
    fireEvent.press(screen.getByRole("button", { name: "Set new password" }));
    expect(await screen.findByText(/Password changed/)).toBeTruthy();
    expect(api.callsTo("POST", "/auth/reset-password")[0].body).toEqual({
      token: "reset-1",
      password: "a brand new pass",
    });
  });

  test("forgot-password answers the same whatever the address", async () => {
    const api = fakeApi({ "POST /auth/forgot-password": () => reply(202, {}) });
    renderApp("/forgot-password");
    fireEvent.changeText(await screen.findByLabelText("Email"), "who@example.com");
    fireEvent.press(screen.getByRole("button", { name: "Send reset link" }));
    expect(await screen.findByText(/a reset link is on its way/)).toBeTruthy();
    expect(api.callsTo("POST", "/auth/forgot-password")).toHaveLength(1);
  });

  test("a reused refresh token ends the session and the app asks to log in again", async () => {
    fakeApi({
      ...emptyFeed,
      "GET /users/me": () => reply(401, { code: "unauthorized" }),
      "POST /auth/refresh-token": () => reply(401, { code: "refresh_token_reused" }),
    });
    signIn(makeSession("stale"));
    renderApp("/profile");
    expect(await screen.findByRole("button", { name: "Log in" })).toBeTruthy();
    expect(tokenStore.get()).toBeNull();
  });
});
