import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { useAuth } from "../stores/auth";
import { installFakeApi, json, makeUser, problem, session } from "../testing/fake-api";
import { renderWithApp } from "../testing/render";
import { Layout } from "../app/Layout";
import VerifyEmailPage from "./VerifyEmailPage";

// The contract's answers: a used link is 400 invalid_token (with reason already_verified when the
// address is verified); a resend for a verified address is 202 { alreadyVerified: true }.
const usedLink = () =>
  new Response(
    JSON.stringify({
      type: "about:blank",
      title: "Invalid token",
      status: 400,
      code: "invalid_token",
      detail: "This email address is already verified. Log in to continue.",
      reason: "already_verified",
    }),
    { status: 400, headers: { "content-type": "application/problem+json" } },
  );

describe("verification messages", () => {
  it("a link used before says the address is already verified and offers to log in", async () => {
    installFakeApi((req) => {
      if (req.path === "/auth/verify-email") return usedLink();
    });
    renderWithApp(<VerifyEmailPage />, { path: "/verify-email?token=used", route: "/verify-email" });
    expect(await screen.findByText(/This email address is already verified/)).toBeInTheDocument();
    expect(screen.queryByText(/invalid or has expired/)).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Log in" })).toHaveAttribute("href", "/login");
    expect(screen.queryByRole("link", { name: /resend/i })).not.toBeInTheDocument();
  });

  it("Resend from the banner, once verified elsewhere, says so instead of claiming a link was sent", async () => {
    useAuth.getState().signIn(session(), makeUser({ emailVerified: false }));
    installFakeApi((req) => {
      if (req.path === "/users/me") return problem(503, "service_unavailable");
      if (req.path === "/auth/resend-verification") return json(202, { alreadyVerified: true });
      if (req.path === "/videos") return problem(503, "service_unavailable");
    });
    const user = userEvent.setup();
    renderWithApp(<Layout />, { path: "/" });
    await user.click(await screen.findByRole("button", { name: "Resend email" }));
    expect(await screen.findByText("You're already verified: there's no link to send.")).toBeInTheDocument();
    expect(screen.queryByText(/We sent a new verification link/)).not.toBeInTheDocument();
    // The banner goes: the stored user is verified now.
    expect(screen.queryByRole("button", { name: "Resend email" })).not.toBeInTheDocument();
  });
});
