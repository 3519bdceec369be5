// Screen: one lesson with quiz, rating and live comments over a test WebSocket.
import { act, fireEvent, screen, waitFor } from "expo-router/testing-library";
import { fakeApi, reply } from "../../../test/fake-api";
import { makeSession, makeUser, makeVideo, publicUser } from "../../../test/factories";
import { meRoute, renderApp, signIn } from "../../../test/render-app";
import { tokenStore } from "../../lib/api";
import { realtime } from "../realtime/client";
import { TestSocket } from "../../../test/test-socket";

const comment = (text: string, author = publicUser()) => ({
  id: `c-${text}`,
  videoId: "",
  user: author,
  text,
  isHidden: false,
  moderationStatus: "APPROVED",
  moderationReason: null,
  createdAt: "2026-11-26T09:00:00.000Z",
  updatedAt: "2026-11-26T09:00:00.000Z",
});

let restoreSocket = () => {};
afterEach(() => {
  tokenStore.set(null);
  realtime.close();
  restoreSocket();
});

describe("video screen", () => {
  test("plays, scores the quiz and rates the lesson", async () => {
    const video = makeVideo();
    const api = fakeApi({
      ...meRoute(makeUser()),
      "GET /videos/:id": () => video,
      "POST /videos/:id/view": () => reply(204),
      "GET /comments": () => ({ items: [], nextCursor: null }),
      "POST /ratings": ({ body }) => ({
        videoId: video.id,
        stars: (body as { stars: number }).stars,
        ratingAvg: 4.7,
        ratingCount: 3,
      }),
    });
    signIn(makeSession());
    renderApp(`/video/${video.id}`);
    expect(await screen.findByLabelText("Slide 1 of 3: Light capture")).toBeTruthy();
    await waitFor(() => expect(api.callsTo("POST", `/videos/${video.id}/view`)).toHaveLength(1));

    fireEvent.press(screen.getByRole("radio", { name: "Water" }));
    fireEvent.press(screen.getByRole("button", { name: "Check answers" }));
    expect(await screen.findByText("You got 0 of 1 right.")).toBeTruthy();

    fireEvent.press(screen.getByLabelText("Rate 5 stars"));
    expect(await screen.findByText("★ 4.7 (3)")).toBeTruthy();
    const [rating] = api.callsTo("POST", "/ratings");
    expect(rating.body).toEqual({ videoId: video.id, stars: 5 });
    expect(rating.headers["idempotency-key"]).toBeTruthy();
  });

  test("comments post and new ones from others arrive live on video:<id>", async () => {
    restoreSocket = TestSocket.install();
    const video = makeVideo();
    let stored = [comment("First!")];
    const api = fakeApi({
      ...meRoute(makeUser()),
      "GET /videos/:id": () => video,
      "POST /videos/:id/view": () => reply(204),
      "GET /comments": () => ({ items: stored, nextCursor: null }),
      "POST /comments": ({ body }) => {
        const created = comment((body as { text: string }).text);
        stored = [created, ...stored];
        return reply(201, created);
      },
    });
    signIn(makeSession("live"));
    renderApp(`/video/${video.id}`);
    expect(await screen.findByText("First!")).toBeTruthy();

    fireEvent.changeText(screen.getByLabelText("Add a comment"), "Great lesson");
    fireEvent.press(screen.getByRole("button", { name: "Post comment" }));
    expect(await screen.findByText("Great lesson")).toBeTruthy();
    expect(api.callsTo("POST", "/comments")[0].body).toEqual({ videoId: video.id, text: "Great lesson" });

    const socket = TestSocket.last!;
    expect(socket.url).toContain("access_token=access-live");
    act(() => socket.open());
    expect(socket.sent).toContainEqual({ type: "subscribe", channel: `video:${video.id}` });
    // What the server sends: the whole comment, with real ids (core's schema drops anything else).
    const hi = { ...comment("Someone else says hi"), id: "00000000-0000-4000-8000-00000000c0de", videoId: video.id };
    stored = [hi, ...stored];
    act(() => socket.push({ type: "event", channel: `video:${video.id}`, event: "comment.created", data: hi }));
    expect(await screen.findByText("Someone else says hi")).toBeTruthy();
  });

  test("a lesson still being written shows its progress instead of the player", async () => {
    const video = makeVideo({ status: "GENERATING" });
    fakeApi({ "GET /videos/:id": () => video, "POST /videos/:id/view": () => reply(204) });
    renderApp(`/video/${video.id}`);
    expect(await screen.findByText("Writing your lesson…")).toBeTruthy();
  });
});
