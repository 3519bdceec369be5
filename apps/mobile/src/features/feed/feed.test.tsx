// Screen: the feed tab on the real app/ routes with a fake API on fetch.
import { fireEvent, screen, waitFor } from "expo-router/testing-library";
import { fakeApi } from "../../../test/fake-api";
import { makeVideo } from "../../../test/factories";
import { renderApp } from "../../../test/render-app";

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
    fakeApi({ "GET /videos": () => page([makeVideo({ title: "Intro lesson" })]) });
    const router = renderApp("/");
    await screen.findByText("Intro lesson");
    expect(screen.getByText(/Little Monster turns a topic and your notes into a short video lesson/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Watch lessons" })).toBeTruthy();
    fireEvent.press(screen.getByRole("button", { name: "Create a lesson" }));
    await waitFor(() => expect(router.getPathname()).toBe("/generate"));
  });
});
