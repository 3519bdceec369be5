// Signing out lands on the feed (not a "Welcome back" log-in page), and the theme button's first
// click always changes what the student sees, and a phone shows the site's name (issue 15 rough edges).
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import LoginPage from "../pages/LoginPage";
import { useTheme } from "../lib/theme";
import { useAuth } from "../stores/auth";
import { installFakeApi, json, makeUser, session } from "../testing/fake-api";
import { testQueryClient } from "../testing/render";
import { Layout } from "./Layout";
import { AppProviders } from "./providers";
import { ThemeToggle } from "./UserMenu";

function renderApp(path: string) {
  return render(
    <AppProviders queryClient={testQueryClient()}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route element={<Layout />}>
            <Route path="/" element={<p>Feed here</p>} />
            <Route path="/settings" element={<p>Settings here</p>} />
            <Route path="/login" element={<LoginPage />} />
          </Route>
        </Routes>
      </MemoryRouter>
    </AppProviders>,
  );
}

describe("account controls", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("Sign out lands on the feed", async () => {
    useAuth.getState().signIn(session(1), makeUser());
    installFakeApi((req) => {
      if (req.path === "/users/me") return json(200, makeUser());
      if (req.path === "/notifications") return json(200, { items: [], nextCursor: null });
      if (req.path === "/notifications/unread-count") return json(200, { count: 0 });
      if (req.path === "/auth/logout") return new Response(null, { status: 204 });
    });
    const user = userEvent.setup();
    renderApp("/settings");
    await user.click(await screen.findByRole("button", { name: /Account menu/ }));
    await user.click(screen.getByRole("button", { name: "Sign out" }));
    expect(await screen.findByText("Feed here")).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Welcome back" })).not.toBeInTheDocument();
  });

  it("names the site next to the logo at every width, and fits the phone tab bar on one row", async () => {
    installFakeApi(() => undefined);
    renderApp("/");
    const home = screen.getByRole("link", { name: "Little Monster home" });
    const name = within(home).getByText("Little Monster");
    // jsdom has no media queries: a bare `hidden` (undone only by `sm:`) is what hid it on phones.
    expect(name.className).not.toMatch(/(^|\s)hidden(\s|$)/);
    // The phones' tab bar holds every tab on one row (four tabs in three columns wrapped "Review").
    const bars = screen.getAllByRole("navigation", { name: "Main" });
    const tabBar = bars[bars.length - 1];
    const tabs = within(tabBar).getAllByRole("link").length;
    expect(tabBar.querySelector(`.grid-cols-${tabs}`)).not.toBeNull();
  });

  it.each([
    [false, "dark"],
    [true, "light"],
  ])("from the system theme (dark system: %s), the first click switches to %s", async (systemDark, next) => {
    vi.stubGlobal("matchMedia", (q: string) => ({
      matches: systemDark && q.includes("dark"),
      media: q,
      addEventListener() {},
      removeEventListener() {},
    }));
    useTheme.setState({ theme: "system" });
    const user = userEvent.setup();
    render(<ThemeToggle />);
    await user.click(screen.getByRole("button"));
    expect(useTheme.getState().theme).toBe(next);
    expect(document.documentElement.classList.contains("dark")).toBe(next === "dark");
  });
});
