// "Add to my cards" on the player: one tap sends the lesson to the deck, the Review tab's badge takes
// the answer's counts at once, and "Review now" opens the session.
import type { DueCounts } from "@lm/core";
import { fireEvent, screen, waitFor } from "expo-router/testing-library";
import { fakeApi } from "../../../test/fake-api";
import { makeSession, makeUser, makeVideo } from "../../../test/factories";
import { meRoute, renderApp, signIn } from "../../../test/render-app";
import { tokenStore } from "../../lib/api";

afterEach(() => tokenStore.set(null));

const VIDEO = "22222222-2222-4222-8222-222222222222";
const counts = (due: number): DueCounts => ({ due, overdue: 0, new: due, total: due, nextDueAt: null });

function lessonApi(added: number) {
  let due = 0;
  return fakeApi({
    ...meRoute(makeUser()),
    "GET /videos": () => ({ items: [], nextCursor: null }),
    "GET /videos/:id": () => makeVideo({ id: VIDEO, title: "Photosynthesis", duration: 120 }),
    "GET /notifications/unread-count": () => ({ count: 0 }),
    "GET /cards/due": () => ({ counts: counts(due), items: [] }),
    "POST /cards/from-lesson/:videoId": () => {
      due += added;
      return { added, cards: [], counts: counts(due) };
    },
  });
}

test("one tap adds the lesson's cards, the badge shows them due, and Review now opens the session", async () => {
  const api = lessonApi(5);
  signIn(makeSession());
  const router = renderApp(`/video/${VIDEO}`);
  fireEvent.press(await screen.findByRole("button", { name: "Add to my cards" }));
  await waitFor(() => expect(api.callsTo("POST", `/cards/from-lesson/${VIDEO}`)).toHaveLength(1));
  expect(await screen.findByText("Added 5 cards to your deck.")).toBeTruthy();
  fireEvent.press(screen.getByRole("button", { name: "Review now" }));
  await waitFor(() => expect(router.getPathname()).toBe("/review"));
  // The badge took the answer's counts at once (the tab bar shows on the review route).
  expect(await screen.findByLabelText("Review tab, 5 cards due")).toBeTruthy();
});

test("a lesson already in the deck says so instead of adding twice", async () => {
  lessonApi(0);
  signIn(makeSession());
  renderApp(`/video/${VIDEO}`);
  fireEvent.press(await screen.findByRole("button", { name: "Add to my cards" }));
  expect(await screen.findByText("All 0 cards are already in your deck.")).toBeTruthy();
});

test("signed out, the player offers no deck", async () => {
  lessonApi(5);
  renderApp(`/video/${VIDEO}`);
  expect(await screen.findByText("Photosynthesis")).toBeTruthy();
  expect(screen.queryByRole("button", { name: "Add to my cards" })).toBeNull();
});
