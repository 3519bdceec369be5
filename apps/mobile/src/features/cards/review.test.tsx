// The Review tab: its badge follows the due count live, a session reveals and rates each card,
// "Watch the moment" opens the lesson at its second, and a rating made offline waits in the
// persisted write queue with its clientId and reviewedAt, then is replayed when the connection returns.
import type { Card, DueCounts } from "@lm/core";
import { act, fireEvent, screen, waitFor } from "expo-router/testing-library";
import { fakeApi } from "../../../test/fake-api";
import { makeSession, makeUser, makeVideo } from "../../../test/factories";
import { goOffline, goOnline, reconnect } from "../../../test/network";
import { meRoute, renderApp, signIn } from "../../../test/render-app";
import { TestSocket } from "../../../test/test-socket";
import { tokenStore } from "../../lib/api";
import { writeQueue } from "../offline/offline-context";
import { asyncQueueStorage } from "../offline/storage";

let restoreSocket: (() => void) | null = null;
afterEach(async () => {
  tokenStore.set(null);
  restoreSocket?.();
  restoreSocket = null;
  await writeQueue.clear();
});

const VIDEO = "22222222-2222-4222-8222-222222222222";
let n = 0;
const makeCard = (front: string, back: string, over: Partial<Card> = {}): Card => ({
  id: `33333333-3333-4333-8333-${String(++n).padStart(12, "0")}`,
  videoId: VIDEO,
  videoTitle: "Photosynthesis",
  kind: "KEY_POINT",
  itemIndex: 0,
  origin: "LESSON",
  front,
  back,
  atSecond: 40,
  state: "new",
  due: new Date().toISOString(),
  stability: 0,
  difficulty: 0,
  scheduledDays: 0,
  reps: 0,
  lapses: 0,
  lastReview: null,
  retrievability: 0,
  createdAt: new Date().toISOString(),
  ...over,
});
const counts = (due: number): DueCounts => ({ due, overdue: 0, new: due, total: 3, nextDueAt: null });

/** A deck whose review route drops the card from the queue, as the server's scheduling would. */
function deck(cards: Card[], user = makeUser(), more: Parameters<typeof fakeApi>[0] = {}) {
  let items = [...cards];
  return fakeApi({
    ...more,
    ...meRoute(user),
    "GET /videos": () => ({ items: [], nextCursor: null }),
    "GET /notifications/unread-count": () => ({ count: 0 }),
    "GET /cards/due": () => ({ counts: counts(items.length), items }),
    "POST /cards/:id/review": ({ params }) => {
      const card = items.find((c) => c.id === params.id) ?? cards[0];
      items = items.filter((c) => c.id !== params.id);
      return { card, replayed: false, counts: counts(items.length) };
    },
  });
}

test("the Review tab names the due count, and a cards.counts event changes it live", async () => {
  restoreSocket = TestSocket.install();
  const user = makeUser();
  deck([makeCard("What absorbs light?", "Chlorophyll"), makeCard("What gas is released?", "Oxygen")], user);
  signIn(makeSession());
  renderApp("/");
  expect(await screen.findByLabelText("Review tab, 2 cards due")).toBeTruthy();
  await waitFor(() => expect(TestSocket.last).not.toBeNull());
  const socket = TestSocket.last!;
  act(() => socket.open());
  await waitFor(() => expect(socket.sent).toContainEqual({ type: "subscribe", channel: `user:${user.id}` }));
  // A review on another device: the server announces the new counts.
  act(() => socket.push({ type: "event", channel: `user:${user.id}`, event: "cards.counts", data: counts(1) }));
  expect(await screen.findByLabelText("Review tab, 1 card due")).toBeTruthy();
  act(() => socket.push({ type: "event", channel: `user:${user.id}`, event: "cards.counts", data: counts(0) }));
  expect(await screen.findByLabelText("Review tab")).toBeTruthy();
});

test("a session: tap to reveal, rate with the four labelled buttons, then the empty state", async () => {
  const first = makeCard("What absorbs light?", "Chlorophyll");
  const second = makeCard("What gas is released?", "Oxygen", { atSecond: null });
  const api = deck([first, second]);
  signIn(makeSession());
  renderApp("/review");
  expect(await screen.findByText("What absorbs light?")).toBeTruthy();
  expect(screen.getByText("2 cards left")).toBeTruthy();
  expect(screen.queryByText("Chlorophyll")).toBeNull();
  expect(screen.queryByRole("button", { name: /^Good/ })).toBeNull();

  fireEvent.press(screen.getByRole("button", { name: "Show answer" }));
  expect(screen.getByText("Chlorophyll")).toBeTruthy();
  for (const label of [
    "Again: I forgot it",
    "Hard: I recalled it with effort",
    "Good: I recalled it",
    "Easy: I knew it at once",
  ]) {
    expect(screen.getByRole("button", { name: label })).toBeTruthy();
  }
  fireEvent.press(screen.getByRole("button", { name: "Good: I recalled it" }));
  await waitFor(() => expect(api.callsTo("POST", `/cards/${first.id}/review`)).toHaveLength(1));
  const sent = api.callsTo("POST", `/cards/${first.id}/review`)[0].body as Record<string, string>;
  expect(sent.rating).toBe("good");
  expect(sent.clientId).toMatch(/^[0-9a-f-]{36}$/);

  // The next card starts hidden again; it has no moment to watch.
  expect(await screen.findByText("What gas is released?")).toBeTruthy();
  expect(screen.queryByText("Oxygen")).toBeNull();
  expect(screen.queryByRole("button", { name: /^Watch the moment/ })).toBeNull();
  fireEvent.press(screen.getByRole("button", { name: "Show answer" }));
  fireEvent.press(screen.getByRole("button", { name: "Again: I forgot it" }));
  await waitFor(() => expect(api.callsTo("POST", `/cards/${second.id}/review`)).toHaveLength(1));
  expect((api.callsTo("POST", `/cards/${second.id}/review`)[0].body as { rating: string }).rating).toBe("again");
  expect(await screen.findByText("All caught up")).toBeTruthy();
});

test("Watch the moment opens the card's lesson at its second", async () => {
  deck([makeCard("What absorbs light?", "Chlorophyll", { atSecond: 40 })], makeUser(), {
    "GET /videos/:id": () => makeVideo({ id: VIDEO, title: "Photosynthesis", duration: 120 }),
  });
  signIn(makeSession());
  const router = renderApp("/review");
  fireEvent.press(await screen.findByRole("button", { name: "Watch the moment in Photosynthesis" }));
  await waitFor(() => expect(router.getPathname()).toBe(`/video/${VIDEO}`));
  expect(router.getSearchParams()).toMatchObject({ t: "40" });
  // The slides open at 0:40, not at the start.
  expect(await screen.findByText("0:40 / 2:00")).toBeTruthy();
});

test("offline: the rating waits in the persisted queue with its clientId and reviewedAt, then is replayed", async () => {
  const card = makeCard("What absorbs light?", "Chlorophyll");
  const api = deck([card]);
  signIn(makeSession());
  const first = renderApp("/review");
  expect(await screen.findByText("What absorbs light?")).toBeTruthy();

  api.setOffline(true);
  goOffline();
  fireEvent.press(screen.getByRole("button", { name: "Show answer" }));
  fireEvent.press(screen.getByRole("button", { name: "Hard: I recalled it with effort" }));
  await waitFor(() => expect(writeQueue.entries()).toHaveLength(1));
  const write = writeQueue.entries()[0].write;
  expect(write).toMatchObject({ kind: "reviewCard", cardId: card.id, rating: "hard" });
  if (write.kind !== "reviewCard") throw new Error("not a review");
  expect(Math.abs(Date.parse(write.reviewedAt) - Date.now())).toBeLessThan(10_000);
  expect(await screen.findByText("1 review will be saved when you are back online.")).toBeTruthy();
  expect(screen.getByText("All caught up")).toBeTruthy();
  expect(api.callsTo("POST", `/cards/${card.id}/review`)).toHaveLength(0);

  // What a restarted app would read back from the device.
  const stored = await asyncQueueStorage.load();
  expect(stored.map((e) => e.write)).toEqual([write]);
  first.unmount();

  api.setOffline(false);
  goOnline();
  renderApp("/review");
  await act(async () => reconnect());
  await waitFor(() => expect(api.callsTo("POST", `/cards/${card.id}/review`)).toHaveLength(1));
  expect(api.callsTo("POST", `/cards/${card.id}/review`)[0].body).toEqual({
    rating: "hard",
    clientId: write.clientId,
    reviewedAt: write.reviewedAt,
  });
  await waitFor(() => expect(writeQueue.entries()).toHaveLength(0));
  expect(await asyncQueueStorage.load()).toEqual([]);
});
