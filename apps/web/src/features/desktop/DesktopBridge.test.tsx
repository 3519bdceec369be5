// The web app inside the desktop shell: deep links and menu shortcuts navigate, reminders reach the OS.
import type { DeepLink, LittleMonsterBridge, NavigationTarget, ReminderNotice, TrayStatus } from "@lm/core";
import { act, screen, waitFor } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useAuth } from "../../stores/auth";
import { installFakeSocket } from "../../testing/fake-socket";
import { renderWithApp } from "../../testing/render";
import { installFakeApi, json, makeUser, session } from "../../testing/fake-api";
import { LiveUserChannel } from "../notifications/components/LiveUserChannel";
import { DesktopBridge, linkToPath } from "./DesktopBridge";

function fakeBridge() {
  const links: Array<(l: DeepLink) => void> = [];
  const navs: Array<(t: NavigationTarget) => void> = [];
  const notified: ReminderNotice[] = [];
  const trays: TrayStatus[] = [];
  const bridge: LittleMonsterBridge = {
    appVersion: "1.0.0",
    serverUrl: "http://localhost:3000",
    platform: "linux",
    notify: async (r) => {
      notified.push(r);
      return true;
    },
    onDeepLink: (cb) => {
      links.push(cb);
      return () => links.splice(links.indexOf(cb), 1);
    },
    onNavigate: (cb) => {
      navs.push(cb);
      return () => navs.splice(navs.indexOf(cb), 1);
    },
    updateTray: (status) => {
      trays.push(status);
    },
    openAtLogin: { get: async () => false, set: async (v) => v },
  };
  return { bridge, links, navs, notified, trays };
}

describe("DesktopBridge", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    delete window.littleMonster;
  });

  it("maps deep links to routes", () => {
    expect(linkToPath({ kind: "video", id: "abc" })).toBe("/videos/abc");
    expect(linkToPath({ kind: "verify-email", token: "a b&c" })).toBe("/verify-email?token=a%20b%26c");
  });

  it("navigates on deep links and menu shortcuts, and shows reminders as OS notifications", async () => {
    const socket = installFakeSocket();
    installFakeApi(() => undefined);
    const fake = fakeBridge();
    window.littleMonster = fake.bridge;
    const me = makeUser();
    useAuth.getState().signIn(session(), me);
    // The bridge lives in the app shell, above the routes, so it survives navigation.
    renderWithApp(
      <>
        <DesktopBridge />
        <Routes>
          <Route path="/planner" element={<p>Planner page</p>} />
          <Route path="/videos/:id" element={<p>Video page</p>} />
          <Route path="*" element={<p>Feed page</p>} />
        </Routes>
      </>,
    );
    act(() => fake.navs[0]("planner"));
    expect(await screen.findByText("Planner page")).toBeInTheDocument();
    act(() => fake.links[0]({ kind: "video", id: "v1" }));
    expect(await screen.findByText("Video page")).toBeInTheDocument();

    const ws = socket();
    act(() => ws.open());
    await waitFor(() => expect(ws.sent).toContainEqual({ type: "subscribe", channel: `user:${me.id}` }));
    act(() =>
      ws.emit({
        type: "event",
        channel: `user:${me.id}`,
        event: "notification.created",
        data: {
          id: "66666666-6666-4666-8666-666666666661",
          kind: "reminder",
          title: "Exam in 15 minutes",
          body: "Biology",
          data: { eventId: "e1" },
          readAt: null,
          createdAt: "2026-11-26T09:00:00.000Z",
        },
      }),
    );
    await waitFor(() =>
      expect(fake.notified).toEqual([{ title: "Exam in 15 minutes", body: "Biology", eventId: "e1" }]),
    );
  });

  it("keeps the tray's unread count and today's agenda current, and clears it on sign-out", async () => {
    const socket = installFakeSocket();
    const fake = fakeBridge();
    window.littleMonster = fake.bridge;
    const me = makeUser();
    useAuth.getState().signIn(session(), me);
    let unread = 3;
    const today = (h: number) => {
      const d = new Date();
      d.setHours(h, 0, 0, 0);
      return d.toISOString();
    };
    const event = (id: string, title: string, h: number, isCompleted = false) => ({
      id,
      title,
      description: null,
      subject: "BIOLOGY",
      type: "EXAM",
      startDate: today(h),
      endDate: null,
      isCompleted,
      reminders: [],
      createdAt: today(0),
      updatedAt: today(0),
    });
    const { calls } = installFakeApi((req) => {
      if (req.path === "/notifications/unread-count") return json(200, { count: unread });
      if (req.path === "/planner/events")
        return json(200, {
          items: [event("e2", "Chemistry revision", 16), event("e1", "Biology exam", 9), event("e3", "Done", 8, true)],
          nextCursor: null,
        });
    });
    // As in the app shell: LiveUserChannel refreshes the inbox queries on a live notification.
    renderWithApp(
      <>
        <LiveUserChannel />
        <DesktopBridge />
      </>,
    );
    await waitFor(() =>
      expect(fake.trays.at(-1)).toEqual({
        unreadCount: 3,
        agenda: [
          { title: "Biology exam", startsAt: today(9) },
          { title: "Chemistry revision", startsAt: today(16) },
        ],
      }),
    );
    // The agenda asks for exactly today, local midnight to midnight.
    const from = new Date(calls.find((c) => c.path === "/planner/events")!.url.searchParams.get("from")!);
    expect([from.getHours(), from.getMinutes()]).toEqual([0, 0]);

    const ws = socket();
    act(() => ws.open());
    unread = 4;
    act(() =>
      ws.emit({
        type: "event",
        channel: `user:${me.id}`,
        event: "notification.created",
        data: {
          id: "66666666-6666-4666-8666-666666666669",
          kind: "comment",
          title: "New comment",
          body: "",
          data: {},
          readAt: null,
          createdAt: "2026-11-26T09:00:00.000Z",
        },
      }),
    );
    await waitFor(() => expect(fake.trays.at(-1)?.unreadCount).toBe(4));

    act(() => useAuth.getState().signOut());
    await waitFor(() => expect(fake.trays.at(-1)).toEqual({ unreadCount: 0, agenda: [] }));
  });

  it("renders nothing and subscribes to nothing outside the desktop app", () => {
    const socket = installFakeSocket();
    useAuth.getState().signIn(session(), makeUser());
    renderWithApp(<DesktopBridge />);
    expect(socket()).toBeUndefined();
  });
});
