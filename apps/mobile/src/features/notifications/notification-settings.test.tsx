// The profile tab's notification switches: each kind and the e-mail reminders, saved through the
// same PATCH /users/:id preferences web Settings writes.
import type { User } from "@lm/core";
import { fireEvent, screen, waitFor } from "expo-router/testing-library";
import { fakeApi } from "../../../test/fake-api";
import { makeSession, makeUser } from "../../../test/factories";
import { meRoute, renderApp, signIn } from "../../../test/render-app";
import { tokenStore } from "../../lib/api";

afterEach(() => tokenStore.set(null));

const toggle = (name: string, value: boolean) => fireEvent(screen.getByLabelText(name), "onValueChange", value);
const isOn = (name: string) => screen.getByRole("switch", { name }).props.value as boolean;

/** A server that keeps the user and merges preferences key by key at the top level, as the real one does. */
function account(user: User, opts: { gate?: Promise<void> } = {}) {
  let current = user;
  return fakeApi({
    ...meRoute(user),
    [`GET /users/${user.id}/stats`]: () => ({}),
    [`PATCH /users/${user.id}`]: async ({ body }) => {
      await opts.gate;
      const { preferences } = body as { preferences: Record<string, unknown> };
      current = { ...current, preferences: { ...current.preferences, ...preferences } };
      return current;
    },
  });
}

test("the switches show the saved choices and a switch saves every kind with the e-mail choice", async () => {
  const user = makeUser({ preferences: { narration: true, notifications: { comments: false } } });
  const api = account(user);
  signIn(makeSession());
  renderApp("/profile");
  expect(await screen.findByRole("header", { name: "Notifications" })).toBeTruthy();
  // Unset kinds are on; e-mail is off until opted in.
  expect(isOn("Comments on my lessons")).toBe(false);
  expect(isOn("Ratings of my lessons")).toBe(true);
  expect(isOn("My lesson is ready, or could not be made")).toBe(true);
  expect(isOn("A moderator decided on my held comment")).toBe(true);
  expect(isOn("Email me planner reminders")).toBe(false);

  toggle("Ratings of my lessons", false);
  expect(isOn("Ratings of my lessons")).toBe(false);
  await waitFor(() => expect(api.callsTo("PATCH", `/users/${user.id}`)).toHaveLength(1));
  expect(api.callsTo("PATCH", `/users/${user.id}`)[0].body).toEqual({
    preferences: {
      emailReminders: false,
      notifications: { comments: false, ratings: false, lessons: true, moderation: true },
    },
  });

  toggle("Email me planner reminders", true);
  await waitFor(() => expect(api.callsTo("PATCH", `/users/${user.id}`)).toHaveLength(2));
  expect(api.callsTo("PATCH", `/users/${user.id}`)[1].body).toEqual({
    preferences: {
      emailReminders: true,
      notifications: { comments: false, ratings: false, lessons: true, moderation: true },
    },
  });
  await waitFor(() => expect(isOn("Email me planner reminders")).toBe(true));
  expect(isOn("Ratings of my lessons")).toBe(false);
});

test("two quick switches save one after the other, the second carrying the first", async () => {
  const user = makeUser();
  let release = () => {};
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const api = account(user, { gate });
  signIn(makeSession());
  renderApp("/profile");
  await screen.findByRole("header", { name: "Notifications" });

  toggle("Comments on my lessons", false);
  await waitFor(() => expect(api.callsTo("PATCH", `/users/${user.id}`)).toHaveLength(1));
  toggle("Ratings of my lessons", false);
  expect(isOn("Comments on my lessons")).toBe(false);
  expect(isOn("Ratings of my lessons")).toBe(false);
  // The second waits for the first: answers cannot arrive out of order.
  expect(api.callsTo("PATCH", `/users/${user.id}`)).toHaveLength(1);

  release();
  await waitFor(() => expect(api.callsTo("PATCH", `/users/${user.id}`)).toHaveLength(2));
  expect(api.callsTo("PATCH", `/users/${user.id}`)[1].body).toMatchObject({
    preferences: { notifications: { comments: false, ratings: false, lessons: true, moderation: true } },
  });
  await waitFor(() => expect(isOn("Ratings of my lessons")).toBe(false));
  expect(isOn("Comments on my lessons")).toBe(false);
});

test("a switch that cannot be saved goes back and says why", async () => {
  const user = makeUser();
  const api = account(user);
  signIn(makeSession());
  renderApp("/profile");
  await screen.findByRole("header", { name: "Notifications" });

  api.setOffline(true);
  toggle("A moderator decided on my held comment", false);
  expect(await screen.findByText("No connection. Try again when you are online.")).toBeTruthy();
  expect(isOn("A moderator decided on my held comment")).toBe(true);
});
