// The lesson page's narrated MP4: slides while it renders (progress pushed live), the <video> with
// captions, chapter marks and a download once READY, signed URLs for a PRIVATE lesson, and slides
// with a plain reason when there is no video.
import type { Video, VideoUpdatedEvent } from "@lm/core";
import { videoUpdatedData } from "@lm/core/testing";
import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useAuth } from "../stores/auth";
import { installFakeApi, json, makeUser, makeVideo, session } from "../testing/fake-api";
import { installFakeSocket } from "../testing/fake-socket";
import { renderWithApp } from "../testing/render";
import VideoPage from "./VideoPage";

const route = { route: "/videos/:id" };
const ID = makeVideo().id;
const files = (v: number) => ({
  mp4Url: `/api/v1/videos/${ID}/video.mp4?v=${v}`,
  captionsUrl: `/api/v1/videos/${ID}/captions.vtt?v=${v}`,
  chaptersUrl: `/api/v1/videos/${ID}/chapters.vtt?v=${v}`,
});
const ready = (over: Partial<Video> = {}) =>
  makeVideo({
    ...over,
    videoUrl: files(7).mp4Url,
    duration: 20,
    media: {
      status: "READY",
      progress: 100,
      durationSec: 20,
      sizeBytes: 2_400_000,
      ...files(7),
      failureCode: null,
      failureReason: null,
    },
  });

function serve(get: () => Video, extra?: (path: string) => Response | undefined) {
  return installFakeApi((req) => {
    if (req.path === `/videos/${ID}`) return json(200, get());
    if (req.path === "/comments") return json(200, { items: [], nextCursor: null });
    return extra?.(req.path);
  });
}

describe("Video page: the lesson's video", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("plays the MP4 with captions on, chapter marks that seek, and a download link", async () => {
    installFakeSocket();
    useAuth.getState().signIn(session(), makeUser());
    serve(() => ready());
    const user = userEvent.setup();
    renderWithApp(<VideoPage />, { path: `/videos/${ID}`, ...route });

    const region = await screen.findByRole("region", { name: "Lesson video" });
    // Until play is pressed the box shows the lesson's picture: no player, no file fetched yet.
    expect(within(region).queryByTestId("lesson-video")).not.toBeInTheDocument();
    const play = within(region).getByRole("button", { name: /^Play video: / });
    await user.click(play);
    const video = within(region).getByTestId("lesson-video") as HTMLVideoElement;
    expect(video).toHaveFocus();
    expect(video.src).toBe(`http://localhost/api/v1/videos/${ID}/video.mp4?v=7`);
    expect(video.controls).toBe(true);
    const captions = video.querySelector("track[kind=captions]") as HTMLTrackElement;
    expect(captions.src).toBe(`http://localhost/api/v1/videos/${ID}/captions.vtt?v=7`);
    expect(captions.default).toBe(true);
    expect(captions.srclang).toBe("en");
    expect(screen.queryByRole("region", { name: "Lesson player" })).not.toBeInTheDocument();

    // One mark per key point, at its timestamp; clicking the second seeks there.
    const chapters = within(region).getByRole("group", { name: "Chapters" });
    const marks = within(chapters).getAllByRole("button");
    expect(marks.map((m) => m.getAttribute("aria-label"))).toEqual([
      "Chapter 1 of 2: Cells are the units of life (0:00)",
      "Chapter 2 of 2: The nucleus holds DNA (0:10)",
    ]);
    expect(marks[1].style.left).toBe("50%");
    expect(marks[0]).toHaveAttribute("aria-current", "true");
    await user.click(marks[1]);
    expect(video.currentTime).toBe(10);
    expect(marks[1]).toHaveAttribute("aria-current", "true");
    expect(within(region).getByTestId("current-chapter")).toHaveTextContent("Chapter 2 of 2: The nucleus holds DNA");
    // Keyboard: the marks are buttons in tab order.
    marks[0].focus();
    await user.keyboard("{Enter}");
    expect(video.currentTime).toBe(0);

    const download = within(region).getByRole("link", { name: "Download MP4 (2.4 MB)" });
    expect(download).toHaveAttribute("href", video.src);
    expect(download).toHaveAttribute("download", "how-cells-work.mp4");

    // The key point list below seeks the video too, and the slides stay one click away.
    await user.click(screen.getByRole("button", { name: /Jump to: The nucleus holds DNA/ }));
    expect(video.currentTime).toBe(10);
    await user.click(screen.getByRole("button", { name: "Interactive slides" }));
    expect(await screen.findByRole("region", { name: "Lesson player" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Interactive slides" })).toHaveAttribute("aria-pressed", "true");
  });

  it("keeps the slides while the video renders, with live progress; offers the video when it is ready", async () => {
    const socket = installFakeSocket();
    useAuth.getState().signIn(session(), makeUser());
    let current: Video = makeVideo({ media: { ...makeVideo().media, status: "RENDERING", progress: 10 } });
    serve(() => current);
    const user = userEvent.setup();
    renderWithApp(<VideoPage />, { path: `/videos/${ID}`, ...route });
    expect(await screen.findByRole("region", { name: "Lesson player" })).toBeInTheDocument();
    expect(within(screen.getByTestId("media-bar")).getByRole("status")).toHaveTextContent("Rendering video…");
    expect(screen.getByRole("progressbar", { name: "Video rendering progress" })).toHaveAttribute("value", "10");
    expect(screen.queryByTestId("lesson-video")).not.toBeInTheDocument();

    const ws = socket();
    act(() => ws.open());
    const push = (media: VideoUpdatedEvent["media"]) =>
      act(() =>
        ws.emit({
          type: "event",
          channel: `video:${ID}`,
          event: "video.updated",
          data: videoUpdatedData(current, { media }),
        }),
      );
    current = { ...current, media: { ...current.media, progress: 60 } };
    push({ status: "RENDERING", progress: 60, failureCode: null, failureReason: null });
    await vi.waitFor(() =>
      expect(screen.getByRole("progressbar", { name: "Video rendering progress" })).toHaveAttribute("value", "60"),
    );

    // Done while the student watches the slides: the switch appears, the slides stay.
    current = ready();
    push({ status: "READY", progress: 100, failureCode: null, failureReason: null });
    const videoButton = await screen.findByRole("button", { name: "Video" });
    expect(videoButton).toHaveAttribute("aria-pressed", "false");
    expect(screen.getByRole("region", { name: "Lesson player" })).toBeInTheDocument();
    await user.click(videoButton);
    expect(await screen.findByRole("region", { name: "Lesson video" })).toBeInTheDocument();
  });

  it("asks for signed URLs for a PRIVATE lesson: a <video> cannot send the Authorization header", async () => {
    installFakeSocket();
    const owner = makeUser();
    useAuth.getState().signIn(session(), owner);
    const lesson = ready({ status: "PRIVATE", createdBy: { ...makeVideo().createdBy, id: owner.id } });
    const signed = (u: string) => `${u}&token=tok`;
    const { calls } = serve(
      () => lesson,
      (path) =>
        path === `/videos/${ID}/media-token`
          ? json(200, {
              token: "tok",
              expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
              mp4Url: signed(files(7).mp4Url),
              captionsUrl: signed(files(7).captionsUrl),
              chaptersUrl: signed(files(7).chaptersUrl),
            })
          : undefined,
    );
    renderWithApp(<VideoPage />, { path: `/videos/${ID}`, ...route });
    await userEvent.click(await screen.findByRole("button", { name: /^Play video: / }));
    const video = (await screen.findByTestId("lesson-video")) as HTMLVideoElement;
    expect(video.src).toBe(`http://localhost/api/v1/videos/${ID}/video.mp4?v=7&token=tok`);
    expect((video.querySelector("track[kind=captions]") as HTMLTrackElement).src).toContain(
      "captions.vtt?v=7&token=tok",
    );
    const tokenCall = calls.find((c) => c.path === `/videos/${ID}/media-token`);
    expect(tokenCall?.headers.authorization).toBe(`Bearer ${session().accessToken}`);
  });

  it("without a video, plays the slides and says why (the reason only to the creator)", async () => {
    installFakeSocket();
    const owner = makeUser();
    const lesson = makeVideo({
      createdBy: { ...makeVideo().createdBy, id: owner.id },
      media: {
        ...makeVideo().media,
        status: "UNAVAILABLE",
        failureCode: "encoder_unavailable",
        failureReason: "Videos need FFmpeg: install the Debian package ffmpeg.",
      },
    });
    useAuth.getState().signIn(session(), owner);
    serve(() => lesson);
    const view = renderWithApp(<VideoPage />, { path: `/videos/${ID}`, ...route });
    expect(await screen.findByRole("region", { name: "Lesson player" })).toBeInTheDocument();
    expect(screen.getByText(/install the Debian package ffmpeg/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Video" })).not.toBeInTheDocument();
    view.unmount();

    useAuth.getState().signIn(session(2), makeUser({ id: "44444444-4444-4444-8444-444444444444" }));
    renderWithApp(<VideoPage />, { path: `/videos/${ID}`, ...route });
    expect(await screen.findByText(/There is no video of this lesson/)).toBeInTheDocument();
    expect(screen.queryByText(/ffmpeg/)).not.toBeInTheDocument();
  });
});
