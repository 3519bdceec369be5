// Screens: planner agenda/week, the event form, reminders on the device, offline reading and writing.
import * as Notifications from "expo-notifications";
import { act, fireEvent, screen, waitFor, within } from "expo-router/testing-library";
import { fakeApi, reply } from "../../../test/fake-api";
import { makeEvent, makeSession, makeUser } from "../../../test/factories";
import { goOffline, goOnline, reconnect } from "../../../test/network";
import { ariaProp } from "../../../test/a11y";
import { meRoute, renderApp, signIn } from "../../../test/render-app";
import { tokenStore } from "../../lib/api";
import { writeQueue } from "../offline/offline-context";

afterEach(() => {
  tokenStore.set(null);
  goOnline();
});

const tomorrowAt = (h: number) => {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  d.setHours(h, 0, 0, 0);
  return d;
};

describe("planner tab", () => {
  test("shows the agenda, ticks an event complete and schedules its reminders on the device", async () => {
    const exam = makeEvent({ title: "Biology exam", startDate: tomorrowAt(9).toISOString(), reminders: [60] });
    const api = fakeApi({
      ...meRoute(makeUser()),
      "GET /planner/events": () => ({ items: [exam] }),
      "PATCH /planner/events/:id": ({ body }) => ({ ...exam, ...(body as object) }),
    });
    signIn(makeSession());
    renderApp("/planner");
    const day = await screen.findByLabelText("Day Tomorrow");
    expect(within(day).getByText("Biology exam")).toBeTruthy();

    await waitFor(() =>
      expect(Notifications.scheduleNotificationAsync).toHaveBeenCalledWith(
        expect.objectContaining({ content: expect.objectContaining({ title: "Biology exam" }) }),
      ),
    );

    fireEvent.press(screen.getByLabelText("Complete Biology exam"));
    await waitFor(() => expect(api.callsTo("PATCH", `/planner/events/${exam.id}`)).toHaveLength(1));
    expect(api.callsTo("PATCH", `/planner/events/${exam.id}`)[0].body).toEqual({ isCompleted: true });
  });

  test("each tick box is a checkbox exposing its checked state (aria-checked for the web)", async () => {
    const done = makeEvent({ title: "Done essay", startDate: tomorrowAt(8).toISOString(), isCompleted: true });
    const todo = makeEvent({ title: "Open essay", startDate: tomorrowAt(10).toISOString(), isCompleted: false });
    fakeApi({ ...meRoute(makeUser()), "GET /planner/events": () => ({ items: [done, todo] }) });
    signIn(makeSession());
    renderApp("/planner");
    const checked = await screen.findByRole("checkbox", { name: "Complete Done essay" });
    expect(checked).toBeChecked();
    expect(ariaProp(checked, "aria-checked")).toBe(true);
    const unchecked = screen.getByRole("checkbox", { name: "Complete Open essay" });
    expect(unchecked).not.toBeChecked();
    expect(ariaProp(unchecked, "aria-checked")).toBe(false);
  });

  test("tapping a reminder notification opens its event", async () => {
    const exam = makeEvent({ title: "Tapped exam", startDate: tomorrowAt(9).toISOString() });
    fakeApi({ ...meRoute(makeUser()), "GET /planner/events": () => ({ items: [exam] }) });
    signIn(makeSession());
    const router = renderApp("/planner");
    await screen.findByText("Tapped exam");
    const [listener] = jest.mocked(Notifications.addNotificationResponseReceivedListener).mock.calls.at(-1)!;
    act(() =>
      listener({
        notification: { request: { content: { data: { eventId: exam.id } } } },
      } as unknown as Notifications.NotificationResponse),
    );
    await waitFor(() => expect(router.getPathname()).toBe("/planner/event"));
    expect(router.getSearchParams()).toEqual({ id: exam.id });
    expect(await screen.findByDisplayValue("Tapped exam")).toBeTruthy();
  });

  test("week view shows seven days", async () => {
    fakeApi({ ...meRoute(makeUser()), "GET /planner/events": () => ({ items: [] }) });
    signIn(makeSession());
    renderApp("/planner");
    fireEvent.press(await screen.findByRole("button", { name: "Week" }));
    expect(await screen.findAllByLabelText(/^Day /)).toHaveLength(7);
  });

  test("adds an event through the form", async () => {
    const created = makeEvent({ title: "Read chapter 4" });
    const api = fakeApi({
      ...meRoute(makeUser()),
      "GET /planner/events": () => ({ items: [] }),
      "POST /planner/events": () => reply(201, created),
    });
    signIn(makeSession());
    const router = renderApp("/planner");
    fireEvent.press(await screen.findByRole("button", { name: "Add event" }));
    await waitFor(() => expect(router.getPathname()).toBe("/planner/event"));
    fireEvent.changeText(await screen.findByLabelText("Title"), "Read chapter 4");
    fireEvent.press(screen.getByLabelText("Type: Assignment"));
    fireEvent.changeText(screen.getByLabelText("Date"), "2026-12-03");
    fireEvent.changeText(screen.getByLabelText("Time"), "17:30");
    fireEvent.press(screen.getByRole("button", { name: "Add to planner" }));
    await waitFor(() => expect(api.callsTo("POST", "/planner/events")).toHaveLength(1));
    const [post] = api.callsTo("POST", "/planner/events");
    expect(post.body).toMatchObject({
      title: "Read chapter 4",
      type: "ASSIGNMENT",
      startDate: new Date(2026, 11, 3, 17, 30).toISOString(),
      endDate: new Date(2026, 11, 3, 18, 30).toISOString(),
      reminders: [60],
    });
    expect(post.headers["idempotency-key"]).toBeTruthy();
    await waitFor(() => expect(router.getPathname()).toBe("/planner"));
  });

  test("an impossible date is refused in the form", async () => {
    const api = fakeApi({ ...meRoute(makeUser()), "GET /planner/events": () => ({ items: [] }) });
    signIn(makeSession());
    renderApp("/planner/event");
    fireEvent.changeText(await screen.findByLabelText("Title"), "Nope");
    fireEvent.changeText(screen.getByLabelText("Date"), "2026-02-30");
    fireEvent.press(screen.getByRole("button", { name: "Add to planner" }));
    expect(await screen.findByText(/Use a date like/)).toBeTruthy();
    expect(api.callsTo("POST", "/planner/events")).toHaveLength(0);
  });

  test("offline: the cached planner is readable, a new event waits in the queue and syncs on reconnect", async () => {
    const exam = makeEvent({ title: "Cached exam", startDate: tomorrowAt(10).toISOString() });
    const api = fakeApi({
      ...meRoute(makeUser()),
      "GET /planner/events": () => ({ items: [exam] }),
      "POST /planner/events": () => reply(201, makeEvent({ title: "Offline session" })),
    });
    signIn(makeSession());
    const first = renderApp("/planner");
    await screen.findByText("Cached exam");
    first.unmount();

    api.setOffline(true);
    goOffline();
    renderApp("/planner/event");
    fireEvent.changeText(await screen.findByLabelText("Title"), "Offline session");
    fireEvent.press(screen.getByRole("button", { name: "Add to planner" }));
    await waitFor(() => expect(writeQueue.entries()).toHaveLength(1));
    const key = writeQueue.entries()[0].key;

    expect(await screen.findByText("Cached exam")).toBeTruthy();
    expect(screen.getByText("Offline session")).toBeTruthy();
    expect(screen.getByText(/will be saved when you are back online/)).toBeTruthy();

    api.setOffline(false);
    goOnline();
    await act(async () => reconnect());
    await waitFor(() => expect(api.callsTo("POST", "/planner/events")).toHaveLength(1));
    expect(api.callsTo("POST", "/planner/events")[0].headers["idempotency-key"]).toBe(key);
    await waitFor(() => expect(screen.queryByText(/will be saved when you are back online/)).toBeNull());
  });
});
