// A session that ends by itself sends the student to log in, with the reason on the page.
import { act, screen } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import LoginPage from "../pages/LoginPage";
import { SESSION_KEY, syncAcrossTabs, useAuth } from "../stores/auth";
import { installFakeApi, json, makeUser, problem, session } from "../testing/fake-api";
import { testQueryClient } from "../testing/render";
import { Layout } from "./Layout";
import { AppProviders } from "./providers";

function renderApp(path: string) {
  return render(
    <AppProviders queryClient={testQueryClient()}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route element={<Layout />}>
            <Route path="/" element={<p>Feed here</p>} />
            <Route path="/login" element={<LoginPage />} />
          </Route>
        </Routes>
      </MemoryRouter>
    </AppProviders>,
  );
}

describe("session end", () => {
  it("a revoked session returns to log-in with a message", async () => {
    useAuth.getState().signIn(session(1), makeUser());
    installFakeApi((req) => {
      if (req.path === "/auth/refresh-token") return problem(401, "refresh_token_reused");
      if (req.path === "/users/me" || req.path === "/notifications") return problem(401, "unauthorized");
      return json(200, {});
    });
    renderApp("/");
    expect(await screen.findByRole("heading", { name: "Welcome back" })).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent(/signed you out/i);
    expect(screen.getByRole("link", { name: "Log in" })).toBeInTheDocument();
  });

  it("signing out in another tab signs this tab out too", async () => {
    useAuth.getState().signIn(session(1), makeUser());
    installFakeApi((req) => {
      if (req.path === "/users/me") return json(200, makeUser());
      if (req.path === "/notifications") return json(200, { items: [], nextCursor: null });
    });
    const stop = syncAcrossTabs();
    renderApp("/");
    expect(await screen.findByRole("button", { name: /Account menu/ })).toBeInTheDocument();
    act(() => {
      localStorage.removeItem(SESSION_KEY);
      window.dispatchEvent(new StorageEvent("storage", { key: SESSION_KEY, newValue: null }));
    });
    expect(await screen.findByText("You signed out in another tab.")).toBeInTheDocument();
    expect(useAuth.getState().session).toBeNull();
    stop();
  });
});
