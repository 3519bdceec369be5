// The nav's "Review" badge: the due count from the server, changed live by a `cards.counts` event
// on the student's own channel (a review on another device), and hidden when nothing is due.
import { QueryClientProvider } from "@tanstack/react-query";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Layout } from "../../../app/Layout";
import { AppProviders } from "../../../app/providers";
import { useAuth } from "../../../stores/auth";
import { installFakeApi, json, makeUser, session } from "../../../testing/fake-api";
import { DueBadge } from "./DueBadge";
import { installFakeSocket } from "../../../testing/fake-socket";
import { testQueryClient } from "../../../testing/render";

const counts = (due: number, nextDueAt: string | null = null) => ({ due, overdue: 0, new: due, total: 5, nextDueAt });

describe("Review badge", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows the due count and follows cards.counts events live", async () => {
    const socket = installFakeSocket();
    const me = makeUser();
    useAuth.getState().signIn(session(), me);
    const { calls } = installFakeApi((req) => {
      if (req.path === "/users/me") return json(200, me);
      if (req.path === "/cards/due") return json(200, { counts: counts(3), items: [] });
      if (req.path === "/notifications/unread-count") return json(200, { count: 0 });
    });
    render(
      <AppProviders queryClient={testQueryClient()}>
        <MemoryRouter initialEntries={["/"]}>
          <Routes>
            <Route element={<Layout />}>
              <Route path="/" element={<p>Feed here</p>} />
            </Route>
          </Routes>
        </MemoryRouter>
      </AppProviders>,
    );
    // Both navs (header and the phones' tab bar) carry it.
    const links = await screen.findAllByRole("link", { name: /Review.*3 cards due|3 cards due.*Review/ });
    expect(links).toHaveLength(2);
    for (const l of links) expect(l).toHaveAttribute("href", "/review");
    expect(within(links[0]).getByText("3")).toBeInTheDocument();
    const asked = calls.filter((c) => c.path === "/cards/due").length;

    const ws = socket();
    act(() => ws.open());
    expect(ws.sent).toContainEqual({ type: "subscribe", channel: `user:${me.id}` });
    act(() => ws.emit({ type: "event", channel: `user:${me.id}`, event: "cards.counts", data: counts(1) }));
    expect(await screen.findAllByRole("link", { name: /Review.*1 card due|1 card due.*Review/ })).toHaveLength(2);
    // The event carries the counts: nothing is fetched again for them.
    expect(calls.filter((c) => c.path === "/cards/due")).toHaveLength(asked);

    act(() => ws.emit({ type: "event", channel: `user:${me.id}`, event: "cards.counts", data: counts(0) }));
    await waitFor(() => expect(screen.queryByTestId("due-badge")).toBeNull());
    expect(screen.getAllByRole("link", { name: "Review" })).toHaveLength(2);
  });
});

describe("Review badge as cards come due with time", () => {
  const start = Date.parse("2030-01-01T09:00:00Z");
  beforeEach(() => {
    vi.useFakeTimers({ now: start });
    useAuth.getState().signIn(session(), makeUser());
  });
  afterEach(() => vi.useRealTimers());

  /** The server's deck: one card due 30 s from now, then nothing ahead. */
  function server() {
    return installFakeApi((req) => {
      if (req.path !== "/cards/due") return undefined;
      return Date.now() < start + 30_000
        ? json(200, { counts: counts(0, new Date(start + 30_000).toISOString()), items: [] })
        : json(200, { counts: counts(1), items: [] });
    });
  }
  const asked = (calls: { path: string }[]) => calls.filter((c) => c.path === "/cards/due").length;
  const badge = () => (
    <QueryClientProvider client={testQueryClient()}>
      <DueBadge />
    </QueryClientProvider>
  );

  it("asks again just after the next card is due, not five minutes later, and shows it", async () => {
    const { calls } = server();
    render(badge());
    await act(() => vi.advanceTimersByTimeAsync(100));
    expect(asked(calls)).toBe(1);
    expect(screen.queryByTestId("due-badge")).toBeNull();

    await act(() => vi.advanceTimersByTimeAsync(29_000));
    expect(asked(calls)).toBe(1); // not before it is due
    await act(() => vi.advanceTimersByTimeAsync(2_000));
    expect(asked(calls)).toBe(2);
    expect(screen.getByTestId("due-badge")).toHaveTextContent("1");

    // Nothing ahead now: back to the slow poll.
    await act(() => vi.advanceTimersByTimeAsync(4 * 60_000));
    expect(asked(calls)).toBe(2);
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(asked(calls)).toBe(3);
  });

  it("stops its timer when the badge goes away", async () => {
    const { calls } = server();
    const view = render(badge());
    await act(() => vi.advanceTimersByTimeAsync(100));
    expect(asked(calls)).toBe(1);
    view.unmount();
    await act(() => vi.advanceTimersByTimeAsync(10 * 60_000));
    expect(asked(calls)).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
