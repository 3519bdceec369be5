import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LiveUserChannel } from "../features/notifications/components/LiveUserChannel";
import { NotificationsBell } from "../features/notifications/components/NotificationsBell";
import { useAuth } from "../stores/auth";
import { installFakeApi, json, makeUser, session } from "../testing/fake-api";
import { installFakeSocket } from "../testing/fake-socket";
import { renderWithApp } from "../testing/render";
import NotificationsPage from "./NotificationsPage";

const n = (id: string, title: string, readAt: string | null = null) => ({
  id,
  kind: "reminder",
  title,
  body: "Starts soon",
  data: {},
  readAt,
  createdAt: "2026-11-26T09:00:00.000Z",
});

describe("Notifications", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("counts unread on the bell, updates live, and marks all read", async () => {
    const socket = installFakeSocket();
    const me = makeUser();
    useAuth.getState().signIn(session(), me);
    let older = 40; // unread notifications beyond the first page
    let items = [
      n("66666666-6666-4666-8666-666666666661", "Biology exam tomorrow"),
      n("66666666-6666-4666-8666-666666666662", "Lesson ready", "2026-11-26T09:00:00.000Z"),
    ];
    const { calls } = installFakeApi((req) => {
      if (req.path === "/notifications") return json(200, { items, nextCursor: null });
      // The server counts beyond the first page; the bell shows its number, not the page's.
      if (req.path === "/notifications/unread-count")
        return json(200, { count: items.filter((i) => !i.readAt).length + older });
      if (req.path === "/notifications/read-all") {
        items = items.map((i) => ({ ...i, readAt: i.readAt ?? "2026-11-26T10:00:00.000Z" }));
        older = 0;
        return new Response(null, { status: 204 });
      }
    });
    const user = userEvent.setup();
    renderWithApp(
      <>
        <LiveUserChannel />
        <NotificationsBell />
        <NotificationsPage />
      </>,
    );
    expect(await screen.findByRole("link", { name: "Notifications, 41 unread" })).toBeInTheDocument();

    const ws = socket();
    act(() => ws.open());
    expect(ws.sent).toContainEqual({ type: "subscribe", channel: `user:${me.id}` });
    items = [n("66666666-6666-4666-8666-666666666663", "New comment on your lesson"), ...items];
    act(() => ws.emit({ type: "event", channel: `user:${me.id}`, event: "notification.created", data: items[0] }));
    expect(await screen.findByRole("link", { name: "Notifications, 42 unread" })).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Mark all as read" }));
    await waitFor(() => expect(screen.getByRole("link", { name: "Notifications" })).toBeInTheDocument());
    expect(calls.some((c) => c.method === "POST" && c.path === "/notifications/read-all")).toBe(true);
  });
});
