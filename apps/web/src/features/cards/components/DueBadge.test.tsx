// The nav's "Review" badge: the due count from the server, changed live by a `cards.counts` event
// on the student's own channel (a review on another device), and hidden when nothing is due.
import { act, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Layout } from "../../../app/Layout";
import { AppProviders } from "../../../app/providers";
import { useAuth } from "../../../stores/auth";
import { installFakeApi, json, makeUser, session } from "../../../testing/fake-api";
import { installFakeSocket } from "../../../testing/fake-socket";
import { testQueryClient } from "../../../testing/render";

const counts = (due: number) => ({ due, overdue: 0, new: due, total: 5 });

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
