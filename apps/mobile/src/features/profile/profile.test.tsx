// Screens: profile stats and settings, sign-out, and moving between the tabs.
import { fireEvent, screen, waitFor } from "expo-router/testing-library";
import * as SecureStore from "expo-secure-store";
import { fakeApi, reply } from "../../../test/fake-api";
import { makeSession, makeUser } from "../../../test/factories";
import { meRoute, renderApp, signIn } from "../../../test/render-app";
import { tokenStore } from "../../lib/api";
import { SESSION_KEY } from "../auth/session-store";

afterEach(() => tokenStore.set(null));

const stats = {
  videosCreated: 3,
  commentsPosted: 1,
  ratingsGiven: 4,
  avgRatingReceived: 4.2,
  eventsCompleted: 7,
  eventsUpcoming: 2,
  studyMinutesThisWeek: 95,
  streakDays: 5,
};

describe("profile tab", () => {
  test("shows study stats and saves the narration setting", async () => {
    const user = makeUser({ displayName: "Ada" });
    const api = fakeApi({
      ...meRoute(user),
      [`GET /users/${user.id}/stats`]: () => stats,
      [`PATCH /users/${user.id}`]: ({ body }) => ({ ...user, ...(body as object) }),
    });
    signIn(makeSession());
    renderApp("/profile");
    expect(await screen.findByLabelText("Day streak: 5")).toBeTruthy();
    expect(screen.getByLabelText("Study min this week: 95")).toBeTruthy();

    fireEvent(screen.getByLabelText("Read lessons aloud"), "onValueChange", false);
    await waitFor(() => expect(api.callsTo("PATCH", `/users/${user.id}`)).toHaveLength(1));
    expect(api.callsTo("PATCH", `/users/${user.id}`)[0].body).toEqual({ preferences: { narration: false } });
    expect(await screen.findByText("Saved.")).toBeTruthy();
  });

  test("shows mastery per subject and lesson as text", async () => {
    const user = makeUser({ displayName: "Ada" });
    fakeApi({
      ...meRoute(user),
      [`GET /users/${user.id}/stats`]: () => stats,
      "GET /cards/mastery": () => ({
        subjects: [{ subject: "BIOLOGY", lessons: 1, cards: 2, mastery: 0.72 }],
        lessons: [
          {
            videoId: "22222222-2222-4222-8222-222222222222",
            title: "How cells work",
            subject: "BIOLOGY",
            cards: 2,
            reviewed: 1,
            recall: 0.72,
            quizAnswered: 0,
            quizCorrect: 0,
            mastery: 0.72,
            weakestCardId: null,
          },
        ],
      }),
    });
    signIn(makeSession());
    renderApp("/profile");
    expect(await screen.findByText("Biology: Mastery 72%")).toBeTruthy();
    expect(screen.getByText("How cells work: Mastery 72%")).toBeTruthy();
  });

  test("sign out ends the session on the server and forgets the tokens", async () => {
    const user = makeUser();
    const api = fakeApi({
      ...meRoute(user),
      [`GET /users/${user.id}/stats`]: () => stats,
      "POST /auth/logout": () => reply(204),
    });
    signIn(makeSession("bye"));
    renderApp("/profile");
    fireEvent.press(await screen.findByRole("button", { name: "Sign out" }));
    expect(await screen.findByRole("button", { name: "Log in" })).toBeTruthy();
    expect(api.callsTo("POST", "/auth/logout")[0].headers.authorization).toBe("Bearer access-bye");
    await tokenStore.flush();
    expect(await SecureStore.getItemAsync(SESSION_KEY)).toBeNull();
  });

  test("the tab bar moves between the four tabs", async () => {
    fakeApi({ "GET /videos": () => ({ items: [], nextCursor: null }) });
    const router = renderApp("/");
    fireEvent.press(await screen.findByLabelText("Planner tab"));
    await waitFor(() => expect(router.getPathname()).toBe("/planner"));
    fireEvent.press(screen.getByLabelText("Generate tab"));
    await waitFor(() => expect(router.getPathname()).toBe("/generate"));
    fireEvent.press(screen.getByLabelText("Profile tab"));
    await waitFor(() => expect(router.getPathname()).toBe("/profile"));
  });
});
