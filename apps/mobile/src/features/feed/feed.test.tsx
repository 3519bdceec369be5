// Screen: the feed tab on the real app/ routes with a fake API on fetch.
import { fireEvent, screen, waitFor } from "expo-router/testing-library";
import { fakeApi } from "../../../test/fake-api";
import { makeSession, makeUser, makeVideo } from "../../../test/factories";
import { meRoute, renderApp, signIn } from "../../../test/render-app";
import { tokenStore } from "../../lib/api";

const page = (items: unknown[], nextCursor: string | null = null) => ({ items, nextCursor });

describe("feed tab", () => {
  test("lists public lessons and filters by subject, difficulty and search", async () => {
    const bio = makeVideo({ title: "Cells 101" });
    const math = makeVideo({ title: "Fractions", subject: "MATH" });
    const api = fakeApi({
      "GET /videos": ({ query }) => (query.get("subject") === "MATH" ? page([math]) : page([bio, math])),
    });
    renderApp("/");
    expect(await screen.findByText("Cells 101")).toBeTruthy();
    expect(screen.getByText("Fractions")).toBeTruthy();

    fireEvent.press(screen.getByLabelText("Subject: Math"));
    await waitFor(() => expect(screen.queryByText("Cells 101")).toBeNull());
    expect(api.calls.at(-1)?.query.get("subject")).toBe("MATH");

    fireEvent.press(screen.getByLabelText("Difficulty: Advanced"));
    await waitFor(() => expect(api.calls.at(-1)?.query.get("difficulty")).toBe("ADVANCED"));

    fireEvent.changeText(screen.getByLabelText("Search lessons"), "fractions");
    await waitFor(() => expect(api.calls.at(-1)?.query.get("q")).toBe("fractions"));

    fireEvent.press(screen.getByLabelText("Sort: Top rated"));
    await waitFor(() => expect(api.calls.at(-1)?.query.get("sort")).toBe("top"));
    expect(api.calls.at(-1)?.query.get("subject")).toBe("MATH");
  });

  test("scrolling to the end loads the next cursor page", async () => {
    const first = makeVideo({ title: "Page one lesson" });
    const second = makeVideo({ title: "Page two lesson" });
    const api = fakeApi({
      "GET /videos": ({ query }) => (query.get("cursor") === "c2" ? page([second]) : page([first], "c2")),
    });
    renderApp("/");
    await screen.findByText("Page one lesson");
    fireEvent(screen.getByTestId("feed-list"), "onEndReached");
    expect(await screen.findByText("Page two lesson")).toBeTruthy();
    expect(api.calls.filter((c) => c.path === "/videos").map((c) => c.query.get("cursor"))).toEqual([null, "c2"]);
  });

  test("offline, the last feed page seen is still shown", async () => {
    const api = fakeApi({ "GET /videos": () => page([makeVideo({ title: "Cached lesson" })]) });
    const first = renderApp("/");
    await screen.findByText("Cached lesson");
    first.unmount();

    api.setOffline(true);
    renderApp("/");
    expect(await screen.findByText("Cached lesson")).toBeTruthy();
  });

  test("tapping a lesson opens its player", async () => {
    const video = makeVideo({ title: "Open me" });
    fakeApi({
      "GET /videos": () => page([video]),
      "GET /videos/:id": () => video,
      "POST /videos/:id/view": () => undefined,
      "GET /comments": () => page([]),
    });
    const router = renderApp("/");
    fireEvent.press(await screen.findByLabelText("Open lesson Open me"));
    await waitFor(() => expect(router.getPathname()).toBe(`/video/${video.id}`));
    expect(await screen.findByLabelText("Play lesson")).toBeTruthy();
  });

  // A visitor's first screen says what Little Monster is and offers the two things to do.
  test("a signed-out visitor is told what the app is, with 'watch' and 'create' actions", async () => {
    const api = fakeApi({ "GET /videos": () => page([makeVideo({ title: "Intro lesson" })]) });
    const router = renderApp("/");
    await screen.findByText("Intro lesson");
    expect(screen.getByText(/Little Monster turns a topic and your notes into a short video lesson/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Watch lessons" })).toBeTruthy();
    fireEvent.press(screen.getByRole("button", { name: "Create a lesson" }));
    await waitFor(() => expect(router.getPathname()).toBe("/generate"));
    // A visitor has no deck: no mastery is asked for.
    expect(api.callsTo("GET", "/cards/mastery")).toHaveLength(0);
  });

  // As on the web's lesson cards: the student's recall of a lesson they study, from one request.
  test("a signed-in student sees their mastery on the lessons they study, and only those", async () => {
    const studied = makeVideo({ title: "Cells 101" });
    const other = makeVideo({ title: "Fractions", subject: "MATH" });
    const lesson = (videoId: string, title: string, mastery: number | null) => ({
      videoId,
      title,
      subject: "BIOLOGY",
      cards: mastery === null ? 0 : 5,
      reviewed: mastery === null ? 0 : 5,
      recall: mastery,
      quizAnswered: 0,
      quizCorrect: 0,
      mastery,
      weakestCardId: null,
    });
    const api = fakeApi({
      ...meRoute(makeUser()),
      "GET /videos": () => page([studied, other]),
      "GET /cards/mastery": () => ({
        lessons: [lesson(studied.id, studied.title, 0.724), lesson(other.id, other.title, null)],
        subjects: [],
      }),
      "GET /cards/due": () => ({ counts: { due: 0, overdue: 0, new: 0, total: 5, nextDueAt: null }, items: [] }),
      "GET /notifications/unread-count": () => ({ count: 0 }),
    });
    signIn(makeSession());
    try {
      renderApp("/");
      expect(await screen.findByText("Mastery 72%")).toBeTruthy();
      expect(screen.getByLabelText("Open lesson Cells 101, mastery 72%")).toBeTruthy();
      expect(screen.getByLabelText("Open lesson Fractions")).toBeTruthy();
      expect(screen.getAllByText(/^Mastery/)).toHaveLength(1);
      expect(api.callsTo("GET", "/cards/mastery")).toHaveLength(1);
    } finally {
      tokenStore.set(null);
    }
  });
});
