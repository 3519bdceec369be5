// Screen: a lesson with a rendered MP4 plays it in expo-video (captions from captions.vtt, chapters
// that seek); while it renders, or without one, the slides play.
import { act, fireEvent, screen } from "expo-router/testing-library";
import { fakeApi, reply } from "../../../test/fake-api";
import { makeSession, makeUser, makeVideo } from "../../../test/factories";
import { meRoute, renderApp, signIn } from "../../../test/render-app";
import { tokenStore } from "../../lib/api";
import { realtime } from "../realtime/client";

afterEach(() => {
  tokenStore.set(null);
  realtime.close();
});

const VTT =
  "WEBVTT\n\n1\n00:00:00.000 --> 00:00:04.000\nPlants capture light.\n\n2\n00:00:10.000 --> 00:00:14.000\nChlorophyll absorbs it.\n";

function lesson(status: "READY" | "RENDERING", over: Parameters<typeof makeVideo>[0] = {}) {
  const v = makeVideo(over);
  const url = (f: string) => `/api/v1/videos/${v.id}/${f}?v=3`;
  return {
    ...v,
    media:
      status === "READY"
        ? {
            ...v.media,
            status,
            progress: 100,
            durationSec: 30,
            sizeBytes: 1_000_000,
            mp4Url: url("video.mp4"),
            captionsUrl: url("captions.vtt"),
            chaptersUrl: url("chapters.vtt"),
          }
        : { ...v.media, status, progress: 40 },
  };
}

function serve(video: ReturnType<typeof lesson>, extra: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    ...meRoute(makeUser()),
    "GET /videos/:id": () => video,
    "POST /videos/:id/view": () => reply(204),
    "GET /comments": () => ({ items: [], nextCursor: null }),
    "GET /videos/:id/captions.vtt": () => new Response(VTT, { headers: { "content-type": "text/vtt" } }),
    ...extra,
  });
}

describe("lesson video", () => {
  test("a READY lesson plays its MP4 with captions under it; a chapter seeks", async () => {
    const video = lesson("READY");
    serve(video);
    signIn(makeSession());
    renderApp(`/video/${video.id}`);
    const view = await screen.findByTestId("lesson-video");
    expect(view.props.accessibilityLabel).toBe(`Video: ${video.title}`);
    expect(screen.queryByLabelText("Play lesson")).toBeNull();
    expect(await screen.findByText("Plants capture light.")).toBeTruthy();

    const player = playerOf(view);
    expect(player.source).toMatchObject({ uri: expect.stringMatching(/\/api\/v1\/videos\/[^/]+\/video\.mp4\?v=3$/) });
    fireEvent.press(screen.getByRole("button", { name: "Chapter 2 of 3: Chlorophyll, at 0:10" }));
    expect(player.currentTime).toBe(10);
    act(() =>
      player.emit("timeUpdate", {
        currentTime: 11,
        currentLiveTimestamp: null,
        currentOffsetFromLive: null,
        bufferedPosition: 12,
      }),
    );
    expect(await screen.findByText("Chlorophyll absorbs it.")).toBeTruthy();
    expect(
      screen.getByRole("button", { name: "Chapter 2 of 3: Chlorophyll, at 0:10" }).props.accessibilityState,
    ).toMatchObject({ selected: true });

    // The slides stay one tap away.
    fireEvent.press(screen.getByRole("button", { name: "Watch as interactive slides" }));
    expect(await screen.findByLabelText("Play lesson")).toBeTruthy();
  });

  test("a PRIVATE lesson's player gets signed URLs (it cannot send the Authorization header)", async () => {
    const video = lesson("READY", { status: "PRIVATE" });
    const api = serve(video, {
      "GET /videos/:id/media-token": () => ({
        token: "tok",
        expiresAt: "2030-01-01T00:00:00.000Z",
        mp4Url: `${video.media.mp4Url}&token=tok`,
        captionsUrl: `${video.media.captionsUrl}&token=tok`,
        chaptersUrl: `${video.media.chaptersUrl}&token=tok`,
      }),
    });
    signIn(makeSession());
    renderApp(`/video/${video.id}`);
    const player = playerOf(await screen.findByTestId("lesson-video"));
    expect(player.source).toMatchObject({ uri: expect.stringMatching(/video\.mp4\?v=3&token=tok$/) });
    expect(api.callsTo("GET", `/videos/${video.id}/media-token`)).toHaveLength(1);
    expect(await screen.findByText("Plants capture light.")).toBeTruthy();
  });

  test("while the video renders, the slides play and the progress shows", async () => {
    const video = lesson("RENDERING");
    serve(video);
    signIn(makeSession());
    renderApp(`/video/${video.id}`);
    expect(await screen.findByLabelText("Play lesson")).toBeTruthy();
    expect(screen.getByText(/Rendering the video… 40%/)).toBeTruthy();
    expect(screen.queryByTestId("lesson-video")).toBeNull();
  });

  test("the seconds the MP4 plays are reported as watch time when it pauses", async () => {
    const video = lesson("READY");
    const api = serve(video, { "POST /videos/:id/watch": () => ({ countedSec: 1, todaySec: 1, capSec: 30 }) });
    signIn(makeSession());
    renderApp(`/video/${video.id}`);
    const player = playerOf(await screen.findByTestId("lesson-video"));
    let now = 1_000_000;
    const clock = jest.spyOn(Date, "now").mockImplementation(() => now);
    act(() => player.emit("playingChange", { isPlaying: true, oldIsPlaying: false }));
    now += 12_300;
    act(() => player.emit("playingChange", { isPlaying: false, oldIsPlaying: true }));
    clock.mockRestore();
    await act(async () => undefined);
    const beats = api.callsTo("POST", `/videos/${video.id}/watch`).map((c) => c.body);
    expect(beats).toEqual([{ positionSec: 0, secondsWatched: 12 }]);
  });
});

/** The stand-in native player (test/setup.ts) the VideoView was given. */
function playerOf(view: { props: Record<string, unknown> }) {
  const native = jest.requireMock("expo-video/build/NativeVideoModule") as {
    videoPlayerById(id: unknown): unknown;
  };
  return native.videoPlayerById(view.props.player) as {
    source: unknown;
    currentTime: number;
    emit(event: string, payload: unknown): void;
  };
}
