import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { useAuth } from "../stores/auth";
import { installFakeApi, json, makeUser, problem, session } from "../testing/fake-api";
import { renderWithApp } from "../testing/render";
import LoginPage from "./LoginPage";
import RegisterPage from "./RegisterPage";
import VerifyEmailPage from "./VerifyEmailPage";

describe("auth pages", () => {
  it("log-in explains wrong credentials in words and keeps the student on the page", async () => {
    installFakeApi((req) => {
      if (req.path === "/auth/login") return problem(401, "invalid_credentials");
    });
    const user = userEvent.setup();
    renderWithApp(<LoginPage />, { path: "/login", route: "/login" });
    await user.type(screen.getByLabelText("Email"), "sam@example.com");
    await user.type(screen.getByLabelText("Password"), "wrong-password");
    await user.click(screen.getByRole("button", { name: "Log in" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("That email and password don't match");
    expect(useAuth.getState().session).toBeNull();
  });

  it("log-in stores the session and goes where the student was heading", async () => {
    installFakeApi((req) => {
      if (req.path === "/auth/login") return json(200, { user: makeUser(), session: session(7) });
    });
    const user = userEvent.setup();
    renderWithApp(<LoginPage />, {
      path: "/login?next=/planner",
      route: "/login",
      otherRoutes: { "/planner": <p>Planner here</p> },
    });
    await user.type(screen.getByLabelText("Email"), "Sam@Example.com");
    await user.type(screen.getByLabelText("Password"), "correct horse");
    await user.click(screen.getByRole("button", { name: "Log in" }));
    expect(await screen.findByText("Planner here")).toBeInTheDocument();
    expect(useAuth.getState().session?.accessToken).toBe("access-7");
    expect(JSON.parse(localStorage.getItem("lm.session")!).refreshToken).toBe("refresh-7");
  });

  it("register shows the server's field errors next to the fields", async () => {
    installFakeApi((req) => {
      if (req.path === "/auth/register") return problem(409, "email_taken");
    });
    const user = userEvent.setup();
    renderWithApp(<RegisterPage />, { path: "/register", route: "/register" });
    await user.type(screen.getByLabelText("Display name"), "Sam");
    await user.type(screen.getByLabelText("Email"), "sam@example.com");
    await user.type(screen.getByLabelText("Password"), "short");
    await user.click(screen.getByRole("button", { name: "Create account" }));
    expect(screen.getByLabelText("Password")).toHaveAccessibleDescription("Use at least 8 characters");
    await user.clear(screen.getByLabelText("Password"));
    await user.type(screen.getByLabelText("Password"), "a much longer password");
    await user.click(screen.getByRole("button", { name: "Create account" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("An account with this email already exists");
  });

  it("verify-email sends the token from the link once and confirms", async () => {
    const { calls } = installFakeApi((req) => {
      if (req.path === "/auth/verify-email") return json(200, { user: makeUser({ emailVerified: true }) });
    });
    renderWithApp(<VerifyEmailPage />, { path: "/verify-email?token=abc123", route: "/verify-email" });
    expect(await screen.findByText(/Your email is verified/)).toBeInTheDocument();
    const posts = calls.filter((c) => c.path === "/auth/verify-email");
    expect(posts).toHaveLength(1);
    expect(posts[0].body).toEqual({ token: "abc123" });
  });

  it("verify-email says when the link has expired", async () => {
    installFakeApi((req) => {
      if (req.path === "/auth/verify-email") return problem(400, "invalid_token");
    });
    renderWithApp(<VerifyEmailPage />, { path: "/verify-email?token=old", route: "/verify-email" });
    expect(await screen.findByRole("alert")).toHaveTextContent("invalid or has expired");
  });
});
