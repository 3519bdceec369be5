// The bell in the tab headers and the inbox: list, mark read, mark all read, live refresh.
import type { Notification } from "@lm/core";
import { act, fireEvent, screen, waitFor } from "expo-router/testing-library";
import { fakeApi, reply } from "../../../test/fake-api";
import { makeSession, makeUser } from "../../../test/factories";
import { meRoute, renderApp, signIn } from "../../../test/render-app";
import { TestSocket } from "../../../test/test-socket";
import { tokenStore } from "../../lib/api";

let restoreSocket: (() => void) | null = null;
afterEach(() => {
  tokenStore.set(null);
  restoreSocket?.();
  restoreSocket = null;
});

let n = 0;
const makeNotification = (over: Partial<Notification> = {}): Notification => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`,
  kind: "comment",
  title: "1 new comment on “Photosynthesis”",
  body: "Sam: Great lesson!",
  data: {},
  readAt: null,
  createdAt: new Date().toISOString(),
  ...over,
});

/** A fake inbox whose read state the mark-read routes change, as the server's would. */
function inbox(items: Notification[]) {
  const unread = () => items.filter((i) => i.readAt === null).length;
  return fakeApi({
    ...meRoute(makeUser()),
    "GET /videos": () => ({ items: [], nextCursor: null }),
    "GET /notifications": () => ({ items, nextCursor: null }),
    "GET /notifications/unread-count": () => ({ count: unread() }),
    "POST /notifications/:id/read": ({ params }) => {
      items = items.map((i) => (i.id === params.id ? { ...i, readAt: new Date().toISOString() } : i));
      return reply(204);
    },
    "POST /notifications/read-all": () => {
      items = items.map((i) => ({ ...i, readAt: i.readAt ?? new Date().toISOString() }));
      return reply(204);
    },
  });
}

test("the bell names the unread count and opens the inbox listing each title and text", async () => {
  const comment = makeNotification();
  const reminder = makeNotification({ kind: "reminder", title: "Biology exam", body: "Starts in 1 hour, at 9:00 AM." });
  const old = makeNotification({ title: "Old news", body: "Seen", readAt: new Date().toISOString() });
  inbox([comment, reminder, old]);
  signIn(makeSession());
  const router = renderApp("/");
  fireEvent.press(await screen.findByRole("link", { name: "Notifications, 2 unread" }));
  await waitFor(() => expect(router.getPathname()).toBe("/notifications"));
  expect(await screen.findByText("1 new comment on “Photosynthesis”")).toBeTruthy();
  expect(screen.getByText("Sam: Great lesson!")).toBeTruthy();
  expect(screen.getByText("Starts in 1 hour, at 9:00 AM.")).toBeTruthy();
  expect(screen.getByText("Old news")).toBeTruthy();
  // Only unread ones offer "Mark read".
  expect(screen.getAllByRole("button", { name: /^Mark read: / })).toHaveLength(2);
});

test("Mark read sends the request for that one notification; Mark all read for the rest", async () => {
  const comment = makeNotification();
  const reminder = makeNotification({ title: "Biology exam", body: "Starts in 1 hour." });
  const api = inbox([comment, reminder]);
  signIn(makeSession());
  renderApp("/");
  fireEvent.press(await screen.findByRole("link", { name: "Notifications, 2 unread" }));
  fireEvent.press(await screen.findByRole("button", { name: "Mark read: Biology exam" }));
  await waitFor(() => expect(api.callsTo("POST", `/notifications/${reminder.id}/read`)).toHaveLength(1));
  expect(api.callsTo("POST", `/notifications/${comment.id}/read`)).toHaveLength(0);
  await waitFor(() => expect(screen.queryByRole("button", { name: "Mark read: Biology exam" })).toBeNull());
  expect(screen.getByRole("button", { name: "Mark read: 1 new comment on “Photosynthesis”" })).toBeTruthy();

  fireEvent.press(screen.getByRole("button", { name: "Mark all read" }));
  await waitFor(() => expect(api.callsTo("POST", "/notifications/read-all")).toHaveLength(1));
  await waitFor(() => expect(screen.queryAllByRole("button", { name: /^Mark read: / })).toHaveLength(0));
});

test("with nothing unread the bell is just 'Notifications'; a live notification.created raises it", async () => {
  restoreSocket = TestSocket.install();
  const user = makeUser();
  let items: Notification[] = [];
  fakeApi({
    ...meRoute(user),
    "GET /videos": () => ({ items: [], nextCursor: null }),
    "GET /notifications": () => ({ items, nextCursor: null }),
    "GET /notifications/unread-count": () => ({ count: items.length }),
  });
  signIn(makeSession());
  renderApp("/");
  expect(await screen.findByRole("link", { name: "Notifications" })).toBeTruthy();
  await waitFor(() => expect(TestSocket.last).not.toBeNull());
  const socket = TestSocket.last!;
  act(() => socket.open());
  await waitFor(() => expect(socket.sent).toContainEqual({ type: "subscribe", channel: `user:${user.id}` }));

  const fresh = makeNotification();
  items = [fresh];
  act(() => socket.push({ type: "event", channel: `user:${user.id}`, event: "notification.created", data: fresh }));
  expect(await screen.findByRole("link", { name: "Notifications, 1 unread" })).toBeTruthy();
});

test("opened straight on a screen outside the tabs, the app still listens on the student's channel", async () => {
  restoreSocket = TestSocket.install();
  const user = makeUser();
  fakeApi({
    ...meRoute(user),
    "GET /planner/events": () => ({ items: [], nextCursor: null }),
    "GET /notifications/unread-count": () => ({ count: 0 }),
  });
  signIn(makeSession());
  renderApp("/planner/event");
  expect(await screen.findByRole("button", { name: "Add to planner" })).toBeTruthy();
  // It used to listen only inside the tabs: a reminder due as its event was saved went unheard.
  await waitFor(() => expect(TestSocket.last).not.toBeNull());
  const socket = TestSocket.last!;
  act(() => socket.open());
  await waitFor(() => expect(socket.sent).toContainEqual({ type: "subscribe", channel: `user:${user.id}` }));
});

test("a notification made before the socket came up is caught when it does", async () => {
  restoreSocket = TestSocket.install();
  const user = makeUser();
  let items: Notification[] = [];
  fakeApi({
    ...meRoute(user),
    "GET /videos": () => ({ items: [], nextCursor: null }),
    "GET /notifications": () => ({ items, nextCursor: null }),
    "GET /notifications/unread-count": () => ({ count: items.length }),
  });
  signIn(makeSession());
  renderApp("/");
  expect(await screen.findByRole("link", { name: "Notifications" })).toBeTruthy();
  await waitFor(() => expect(TestSocket.last).not.toBeNull());
  // The reminder is made now, while the socket is still connecting: its event reaches nobody.
  items = [makeNotification({ kind: "reminder", title: "Reminder: Chemistry study group" })];
  act(() => TestSocket.last!.open());
  expect(await screen.findByRole("link", { name: "Notifications, 1 unread" })).toBeTruthy();
});

test("signed out there is no bell", async () => {
  fakeApi({ "GET /videos": () => ({ items: [], nextCursor: null }) });
  renderApp("/");
  expect((await screen.findAllByText("Feed")).length).toBeGreaterThan(0);
  expect(screen.queryByRole("link", { name: /^Notifications/ })).toBeNull();
});

test("a notification made while the bell's first count is still loading is counted, not lost", async () => {
  restoreSocket = TestSocket.install();
  const user = makeUser();
  let items: Notification[] = [];
  let release: () => void = () => {};
  let first = true;
  const api = fakeApi({
    ...meRoute(user),
    "GET /videos": () => ({ items: [], nextCursor: null }),
    "GET /notifications": () => ({ items, nextCursor: null }),
    "GET /notifications/unread-count": async () => {
      // Counted when asked, answered later: as a server's answer in flight would be.
      const count = items.length;
      if (first) {
        first = false;
        await new Promise<void>((resolve) => {
          release = resolve;
        });
      }
      return { count };
    },
  });
  signIn(makeSession());
  renderApp("/");
  // This user's own socket (a new one, still connecting), not one an earlier test left behind.
  await waitFor(() => expect(TestSocket.last?.readyState).toBe(0));
  const socket = TestSocket.last!;
  act(() => socket.open());
  await waitFor(() => expect(socket.sent).toContainEqual({ type: "subscribe", channel: `user:${user.id}` }));
  await waitFor(() => expect(api.callsTo("GET", "/notifications/unread-count")).toHaveLength(1));
  // The reminder lands while the first count (0) is still on its way.
  const fresh = makeNotification({ kind: "reminder", title: "Reminder: Chemistry study group" });
  items = [fresh];
  act(() => socket.push({ type: "event", channel: `user:${user.id}`, event: "notification.created", data: fresh }));
  await act(async () => release());
  expect(await screen.findByRole("link", { name: "Notifications, 1 unread" })).toBeTruthy();
});

test("scrolling to the end of the inbox loads the next cursor page, and marking read keeps both pages", async () => {
  const newer = makeNotification({ title: "Page one news" });
  let older = makeNotification({ title: "Page two news" });
  const api = fakeApi({
    ...meRoute(makeUser()),
    "GET /notifications": ({ query }) =>
      query.get("cursor") === "c2" ? { items: [older], nextCursor: null } : { items: [newer], nextCursor: "c2" },
    "GET /notifications/unread-count": () => ({ count: 2 }),
    "POST /notifications/:id/read": () => {
      older = { ...older, readAt: new Date().toISOString() };
      return reply(204);
    },
  });
  signIn(makeSession());
  renderApp("/notifications");
  expect(await screen.findByText("Page one news")).toBeTruthy();
  expect(screen.queryByText("Page two news")).toBeNull();

  fireEvent(screen.getByTestId("notifications-list"), "onEndReached");
  expect(await screen.findByText("Page two news")).toBeTruthy();
  expect(screen.getByText("Page one news")).toBeTruthy();
  const cursors = () => api.callsTo("GET", "/notifications").map((c) => c.query.get("cursor"));
  expect(cursors()).toEqual([null, "c2"]);

  // The last page has no cursor: reaching the end again asks for nothing more.
  fireEvent(screen.getByTestId("notifications-list"), "onEndReached");
  fireEvent.press(screen.getByRole("button", { name: "Mark read: Page two news" }));
  await waitFor(() => expect(screen.queryByRole("button", { name: "Mark read: Page two news" })).toBeNull());
  expect(screen.getByText("Page one news")).toBeTruthy();
  expect(cursors()).toEqual([null, "c2", null, "c2"]);
});
