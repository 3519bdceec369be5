// Screen: generating a lesson, its live progress (polling fallback) and offline queueing.
import { videoUpdatedData } from "@lm/core/testing";
import { act, fireEvent, screen, waitFor } from "expo-router/testing-library";
import { fakeApi, reply } from "../../../test/fake-api";
import { makeSession, makeUser, makeVideo } from "../../../test/factories";
import { meRoute, renderApp, signIn } from "../../../test/render-app";
import { tokenStore } from "../../lib/api";
import { writeQueue } from "../offline/offline-context";
import { realtime } from "../realtime/client";
import { TestSocket } from "../../../test/test-socket";
import { reconnect } from "../../../test/network";

let restoreSocket = () => {};
afterEach(() => {
  tokenStore.set(null);
  realtime.close();
  restoreSocket();
});

async function fillForm() {
  fireEvent.changeText(await screen.findByLabelText("Topic"), "Photosynthesis");
  fireEvent.press(screen.getByLabelText("Subject: Biology"));
  fireEvent.press(screen.getByLabelText("Difficulty: Intermediate"));
  fireEvent.changeText(screen.getByLabelText("Your notes (optional)"), "Light reactions happen in the thylakoid.");
}

describe("generate tab", () => {
  test("signed out, it asks to log in", async () => {
    fakeApi({});
    renderApp("/generate");
    expect(await screen.findByRole("button", { name: "Log in" })).toBeTruthy();
  });

  test("sends topic, subject, difficulty and notes, then follows progress until the lesson is ready", async () => {
    const user = makeUser();
    const pending = makeVideo({ status: "PENDING", title: "Photosynthesis" });
    let polls = 0;
    const api = fakeApi({
      ...meRoute(user),
      "POST /videos": () => reply(202, pending),
      "GET /videos/:id": () => (++polls < 2 ? { ...pending, status: "GENERATING" } : { ...pending, status: "PUBLIC" }),
    });
    signIn(makeSession());
    renderApp("/generate");
    await fillForm();
    fireEvent.press(screen.getByRole("button", { name: "Generate lesson" }));

    expect(await screen.findByTestId("generation-progress")).toBeTruthy();
    const [post] = api.callsTo("POST", "/videos");
    expect(post.body).toEqual({
      topic: "Photosynthesis",
      subject: "BIOLOGY",
      difficulty: "INTERMEDIATE",
      sourceText: "Light reactions happen in the thylakoid.",
      visibility: "PUBLIC",
    });
    expect(post.headers["idempotency-key"]).toBeTruthy();
    // No live socket in tests: the screen polls until the lesson is published.
    expect(await screen.findByRole("button", { name: "Watch lesson" }, { timeout: 10_000 })).toBeTruthy();
    expect(polls).toBeGreaterThanOrEqual(2);
  });

  test("with a live socket, a pushed video.updated shows the lesson ready without waiting for a poll", async () => {
    restoreSocket = TestSocket.install();
    let current = makeVideo({ status: "PENDING", title: "Pushed" });
    fakeApi({
      ...meRoute(makeUser()),
      "POST /videos": () => reply(202, current),
      "GET /videos/:id": () => current,
    });
    signIn(makeSession());
    renderApp("/generate");
    await fillForm();
    fireEvent.press(screen.getByRole("button", { name: "Generate lesson" }));
    expect(await screen.findByLabelText("Status: Queued")).toBeTruthy();
    const socket = TestSocket.last!;
    act(() => socket.open());
    expect(socket.sent).toContainEqual({ type: "subscribe", channel: `video:${current.id}` });

    current = { ...current, status: "PUBLIC" };
    act(() =>
      socket.push({
        type: "event",
        channel: `video:${current.id}`,
        event: "video.updated",
        data: videoUpdatedData(current),
      }),
    );
    expect(await screen.findByRole("button", { name: "Watch lesson" }, { timeout: 1000 })).toBeTruthy();
  });

  test("an unsafe topic shows the moderation reason", async () => {
    fakeApi({
      ...meRoute(makeUser()),
      "POST /videos": () => reply(422, { code: "content_rejected", detail: "This topic is not allowed" }),
    });
    signIn(makeSession());
    renderApp("/generate");
    await fillForm();
    fireEvent.press(screen.getByRole("button", { name: "Generate lesson" }));
    expect(await screen.findByText("This topic is not allowed")).toBeTruthy();
  });

  test("offline, the request is queued and sent with the same key when back online", async () => {
    const api = fakeApi({ ...meRoute(makeUser()), "POST /videos": () => reply(202, makeVideo({ status: "PENDING" })) });
    signIn(makeSession());
    renderApp("/generate");
    await fillForm();
    api.setOffline(true);
    fireEvent.press(screen.getByRole("button", { name: "Generate lesson" }));
    expect(await screen.findByText(/the lesson will be requested when you reconnect/)).toBeTruthy();
    const [queued] = writeQueue.entries();
    expect(queued.write.kind).toBe("createVideo");

    api.setOffline(false);
    await act(async () => reconnect());
    await waitFor(() => expect(api.callsTo("POST", "/videos")).toHaveLength(1));
    expect(api.callsTo("POST", "/videos")[0].headers["idempotency-key"]).toBe(queued.key);
    expect(writeQueue.entries()).toEqual([]);
  });

  test("no subject is preselected, and notes are required where the server cannot write from a topic alone", async () => {
    const api = fakeApi({
      ...meRoute(makeUser({ subjects: ["MATH"] })),
      "GET /capabilities": () => ({
        text: { provider: "offline", topicOnly: false },
        speech: null,
        video: { available: false, reason: "off" },
      }),
      "POST /videos": () => reply(202, makeVideo({ status: "PENDING" })),
    });
    signIn(makeSession());
    renderApp("/generate");
    fireEvent.changeText(await screen.findByLabelText("Topic"), "Photosynthesis");
    const notes = await screen.findByLabelText("Your notes (required)");
    fireEvent.press(screen.getByRole("button", { name: "Generate lesson" }));
    expect(await screen.findByText("Choose a subject.")).toBeTruthy();
    expect(screen.getByText(/This server builds lessons from your notes/)).toBeTruthy();
    expect(api.callsTo("POST", "/videos")).toHaveLength(0);
    fireEvent.press(screen.getByLabelText("Subject: Biology"));
    fireEvent.changeText(notes, "Light reactions happen in the thylakoid.");
    fireEvent.press(screen.getByRole("button", { name: "Generate lesson" }));
    await waitFor(() => expect(api.callsTo("POST", "/videos")).toHaveLength(1));
  });
});
