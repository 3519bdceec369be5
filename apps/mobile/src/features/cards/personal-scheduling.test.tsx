// "Fit scheduling to my reviews" on the profile tab: refused with the server's reason (409
// not_enough_reviews) until there are enough reviews; after a fit the profile says on how many.
import { fireEvent, screen, waitFor } from "expo-router/testing-library";
import { fakeApi, reply } from "../../../test/fake-api";
import { makeSession, makeUser } from "../../../test/factories";
import { meRoute, renderApp, signIn } from "../../../test/render-app";
import { tokenStore } from "../../lib/api";

afterEach(() => tokenStore.set(null));

const defaults = { desiredRetention: 0.9, weights: null, optimizedAt: null, optimizedReviews: null };
const weights = Array.from({ length: 21 }, (_, i) => i / 10);

test("too few reviews: the server's reason is shown, readable, and nothing else changes", async () => {
  const user = makeUser();
  const api = fakeApi({
    ...meRoute(user),
    "GET /cards/settings": () => defaults,
    "POST /cards/optimize": () =>
      reply(409, {
        type: "about:blank",
        title: "Not enough reviews",
        status: 409,
        code: "not_enough_reviews",
        detail: "Optimising needs at least 400 reviews; you have 12",
      }),
  });
  signIn(makeSession());
  renderApp("/profile");
  expect(await screen.findByText(/Using FSRS's defaults/)).toBeTruthy();
  fireEvent.press(screen.getByRole("button", { name: "Fit scheduling to my reviews" }));
  expect(await screen.findByText("Optimising needs at least 400 reviews; you have 12")).toBeTruthy();
  expect(api.callsTo("POST", "/cards/optimize")).toHaveLength(1);
  expect(screen.getByText(/Using FSRS's defaults/)).toBeTruthy();
});

test("without the server's wording, the code still reads as a sentence", async () => {
  const user = makeUser();
  fakeApi({
    ...meRoute(user),
    "GET /cards/settings": () => defaults,
    "POST /cards/optimize": () => reply(409, { status: 409, code: "not_enough_reviews" }),
  });
  signIn(makeSession());
  renderApp("/profile");
  fireEvent.press(await screen.findByRole("button", { name: "Fit scheduling to my reviews" }));
  expect(await screen.findByText(/Review more cards first/)).toBeTruthy();
});

test("after a fit the profile says on how many reviews the schedule is fitted", async () => {
  const user = makeUser();
  let fitted = false;
  const api = fakeApi({
    ...meRoute(user),
    "GET /cards/settings": () =>
      fitted ? { ...defaults, weights, optimizedAt: "2030-01-02T10:00:00Z", optimizedReviews: 1000 } : defaults,
    "POST /cards/optimize": () => {
      fitted = true;
      return { weights, reviewsUsed: 1000, cardsUsed: 84, optimizedAt: "2030-01-02T10:00:00Z" };
    },
  });
  signIn(makeSession());
  renderApp("/profile");
  fireEvent.press(await screen.findByRole("button", { name: "Fit scheduling to my reviews" }));
  expect(await screen.findByText(/Fitted to your 1,000 reviews on/)).toBeTruthy();
  await waitFor(() => expect(api.callsTo("GET", "/cards/settings").length).toBeGreaterThanOrEqual(2));
});
