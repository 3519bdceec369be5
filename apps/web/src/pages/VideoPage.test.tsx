import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useAuth } from "../stores/auth";
import { installFakeApi, json, makeUser, makeVideo, problem, session } from "../testing/fake-api";
import { installFakeSocket } from "../testing/fake-socket";
import { renderWithApp } from "../testing/render";
import VideoPage from "./VideoPage";

const route = { route: "/videos/:id" };

describe("Video page", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows live progress while generating and the lesson once it is ready", async () => {
    const socket = installFakeSocket();
    const creator = makeUser({ id: "33333333-3333-4333-8333-333333333333" });
    useAuth.getState().signIn(session(), creator);
    let current = makeVideo({ status: "PENDING", keyPoints: [], timestamps: [], script: null, quiz: [] });
    installFakeApi((req) => {
      if (req.path === `/videos/${current.id}`) return json(200, current);
      if (req.path === "/comments") return json(200, { items: [], nextCursor: null });
    });
    renderWithApp(<VideoPage />, { path: `/videos/${current.id}`, ...route });
    expect(await screen.findByRole("heading", { name: /Creating your lesson/ })).toBeInTheDocument();
    expect(screen.getByText("Queued").closest("li")).toHaveAttribute("aria-current", "step");

    const ws = socket();
    act(() => ws.open());
    expect(ws.sent).toContainEqual({ type: "subscribe", channel: `video:${current.id}` });
    current = { ...current, status: "GENERATING" };
    act(() =>
      ws.emit({
        type: "event",
        channel: `video:${current.id}`,
        event: "video.updated",
        data: {
          id: current.id,
          status: "GENERATING",
          title: current.title,
          failureCode: null,
          failureReason: null,
          thumbnailUrl: null,
          createdBy: creator.id,
        },
      }),
    );
    await vi.waitFor(() =>
      expect(screen.getByText("Writing the lesson").closest("li")).toHaveAttribute("aria-current", "step"),
    );

    current = makeVideo();
    act(() =>
      ws.emit({
        type: "event",
        channel: `video:${current.id}`,
        event: "video.updated",
        data: {
          id: current.id,
          status: "PUBLIC",
          title: current.title,
          failureCode: null,
          failureReason: null,
          thumbnailUrl: null,
          createdBy: creator.id,
        },
      }),
    );
    expect(await screen.findByRole("region", { name: "Lesson player" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Quiz" })).toBeInTheDocument();
  });

  it("explains a server that needs notes in plain words (from /capabilities, not the failure's wording)", async () => {
    const video = makeVideo({
      status: "FAILED",
      // Wording no pattern could recognise: the page must not depend on it.
      failureReason: "Die Lektion braucht Notizen.",
      createdBy: { ...makeVideo().createdBy, id: makeUser().id },
    });
    useAuth.getState().signIn(session(), makeUser());
    installFakeApi((req) => {
      if (req.path === `/videos/${video.id}`) return json(200, video);
      if (req.path === "/capabilities")
        return json(200, {
          text: { provider: "offline", topicOnly: false },
          speech: null,
          video: { available: false, reason: "off" },
        });
    });
    renderWithApp(<VideoPage />, { path: `/videos/${video.id}`, ...route });
    expect(await screen.findByRole("heading", { name: "We couldn't create this lesson" })).toBeInTheDocument();
    expect(await screen.findByText(/has no AI model set up/)).toBeInTheDocument();
    const link = screen.getByRole("link", { name: "Add notes and try again" });
    expect(link.getAttribute("href")).toContain("topic=Cells");
    // The same request can only fail again on this server: no "Retry anyway".
    expect(screen.queryByRole("button", { name: /Retry/ })).not.toBeInTheDocument();
  });

  it("switches on the lesson's failureCode while the server's capabilities are unknown", async () => {
    const creator = makeUser();
    const failed = (failureCode: "no_model" | "model_failed") =>
      makeVideo({
        id: `aaaaaaaa-aaaa-4aaa-8aaa-${failureCode === "no_model" ? "000000000001" : "000000000002"}`,
        status: "FAILED",
        failureCode,
        failureReason: "Die Lektion braucht Notizen.",
        createdBy: { ...makeVideo().createdBy, id: creator.id },
      });
    const noModel = failed("no_model");
    const modelFailed = failed("model_failed");
    useAuth.getState().signIn(session(), creator);
    // No /capabilities answer (the fake answers 404): only the code can tell.
    installFakeApi((req) => {
      if (req.path === `/videos/${noModel.id}`) return json(200, noModel);
      if (req.path === `/videos/${modelFailed.id}`) return json(200, modelFailed);
    });
    const first = renderWithApp(<VideoPage />, { path: `/videos/${noModel.id}`, ...route });
    expect(await screen.findByText(/has no AI model set up/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Add notes and try again" })).toBeInTheDocument();
    first.unmount();

    renderWithApp(<VideoPage />, { path: `/videos/${modelFailed.id}`, ...route });
    expect(await screen.findByText("Die Lektion braucht Notizen.")).toBeInTheDocument();
    expect(screen.queryByText(/has no AI model set up/)).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: /Retry/ })).toBeInTheDocument();
  });

  it("lets another student report the lesson once, with a reason, and hides Report from its creator", async () => {
    installFakeSocket();
    const video = makeVideo();
    useAuth.getState().signIn(session(), makeUser());
    const { calls } = installFakeApi((req) => {
      if (req.path === `/videos/${video.id}`) return json(200, video);
      if (req.path === "/comments") return json(200, { items: [], nextCursor: null });
      if (req.path === `/videos/${video.id}/report`) return json(202, {});
    });
    const user = userEvent.setup();
    const view = renderWithApp(<VideoPage />, { path: `/videos/${video.id}`, ...route });
    await user.click(await screen.findByRole("button", { name: "Report this lesson" }));
    const dialog = await screen.findByRole("dialog", { name: "Report this lesson" });
    await user.type(within(dialog).getByLabelText("Reason (optional)"), "The cell diagram labels are swapped");
    await user.click(within(dialog).getByRole("button", { name: "Send report" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(await screen.findByText("Thanks — a moderator will review this lesson.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Reported this lesson" })).toBeDisabled();
    const sent = calls.filter((c) => c.path === `/videos/${video.id}/report`);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ method: "POST", body: { reason: "The cell diagram labels are swapped" } });
    view.unmount();

    // The creator sees no Report button on their own lesson.
    useAuth.getState().signIn(session(2), makeUser({ id: video.createdBy.id }));
    renderWithApp(<VideoPage />, { path: `/videos/${video.id}`, ...route });
    expect(await screen.findByRole("region", { name: "Lesson player" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Report this lesson/ })).not.toBeInTheDocument();
  });

  it("offers its creator AI regeneration of a key point only when the server has a model", async () => {
    installFakeSocket();
    const video = makeVideo({ keyPoints: ["Cells have a membrane", "Mitochondria make energy", "Nuclei hold DNA"] });
    useAuth.getState().signIn(session(), makeUser({ id: video.createdBy.id }));
    const capabilities = (provider: string) => ({
      text: { provider, topicOnly: provider !== "offline" },
      speech: null,
      video: { available: false, reason: "off" },
    });
    let provider = "offline";
    installFakeApi((req) => {
      if (req.path === `/videos/${video.id}`) return json(200, video);
      if (req.path === "/comments") return json(200, { items: [], nextCursor: null });
      if (req.path === "/capabilities") return json(200, capabilities(provider));
    });
    const view = renderWithApp(<VideoPage />, { path: `/videos/${video.id}`, ...route });
    expect(await screen.findByText("Mitochondria make energy")).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole("button", { name: /with the AI/ })).not.toBeInTheDocument();
    view.unmount();

    provider = "llama-cpp";
    renderWithApp(<VideoPage />, { path: `/videos/${video.id}`, ...route });
    expect(await screen.findByRole("button", { name: "Regenerate key point 2 with the AI" })).toBeInTheDocument();
  });

  it("shows the server's refusal inside the report dialog instead of closing it", async () => {
    installFakeSocket();
    const video = makeVideo();
    useAuth.getState().signIn(session(), makeUser());
    installFakeApi((req) => {
      if (req.path === `/videos/${video.id}`) return json(200, video);
      if (req.path === "/comments") return json(200, { items: [], nextCursor: null });
      if (req.path === `/videos/${video.id}/report`) return problem(404, "not_found", undefined, "Video not found");
    });
    const user = userEvent.setup();
    renderWithApp(<VideoPage />, { path: `/videos/${video.id}`, ...route });
    await user.click(await screen.findByRole("button", { name: "Report this lesson" }));
    const dialog = await screen.findByRole("dialog", { name: "Report this lesson" });
    await user.click(within(dialog).getByRole("button", { name: "Send report" }));
    expect(
      await within(dialog).findByText("We couldn't find that. It may have been deleted or made private."),
    ).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Report this lesson" })).toBeEnabled();
  });
});
