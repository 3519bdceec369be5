// The moderators' page: reported lessons (keep / remove with a reason) beside the comment queue.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useAuth } from "../stores/auth";
import { axeViolations } from "../testing/axe";
import { installFakeApi, json, makeUser, makeVideo, session } from "../testing/fake-api";
import { renderWithApp } from "../testing/render";
import ModerationPage from "./ModerationPage";

const reported = (id: string, title: string, reportCount: number, reasons: string[]) => ({
  video: makeVideo({ id, title }),
  reportCount,
  reasons,
  firstReportedAt: "2026-11-26T08:00:00.000Z",
});

describe("Moderation page", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows reported lessons with their reasons; keep closes them, remove sends the reason", async () => {
    useAuth.getState().signIn(session(), makeUser({ role: "MODERATOR" }));
    const items = [
      reported("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa", "Acids and bases", 3, ["Wrong pH scale", "Spam"]),
      reported("bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb", "The water cycle", 1, []),
    ];
    const { calls } = installFakeApi((req) => {
      if (req.path === "/moderation/videos") return json(200, { items, nextCursor: null });
      if (req.path === "/moderation/queue") return json(200, { items: [], nextCursor: null });
      if (req.path.startsWith("/moderation/videos/")) return json(200, makeVideo());
    });
    const user = userEvent.setup();
    renderWithApp(<ModerationPage />, { path: "/moderation" });

    const list = await screen.findByRole("list", { name: "Reported lessons" });
    const acids = within(list).getByText("Acids and bases").closest("li")!;
    expect(within(acids as HTMLElement).getByText("3 reports")).toBeInTheDocument();
    expect(within(acids as HTMLElement).getByRole("list", { name: "Reasons given" })).toHaveTextContent(
      "Wrong pH scale",
    );
    expect(screen.getByText("No comments to review")).toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);

    await user.click(screen.getByRole("button", { name: "Keep “The water cycle”" }));
    await waitFor(() => expect(screen.queryByText("The water cycle")).not.toBeInTheDocument());
    expect(calls.find((c) => c.path === "/moderation/videos/bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb")?.body).toEqual({
      decision: "APPROVE",
    });

    await user.click(screen.getByRole("button", { name: "Remove “Acids and bases”" }));
    const dialog = await screen.findByRole("dialog", { name: "Remove “Acids and bases”?" });
    await user.type(within(dialog).getByLabelText("Reason shown to the creator"), "The pH scale is wrong.");
    await user.click(within(dialog).getByRole("button", { name: "Remove lesson" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(calls.find((c) => c.path === "/moderation/videos/aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa")?.body).toEqual({
      decision: "REJECT",
      reason: "The pH scale is wrong.",
    });
    expect(await screen.findByText("No reported lessons")).toBeInTheDocument();
  });

  it("marks the key points students reported as inaccurate", async () => {
    useAuth.getState().signIn(session(), makeUser({ role: "MODERATOR" }));
    const item = {
      ...reported("cccccccc-cccc-4ccc-8ccc-cccccccccccc", "Photosynthesis", 2, ["Calvin cycle is in the stroma"]),
      video: makeVideo({
        id: "cccccccc-cccc-4ccc-8ccc-cccccccccccc",
        title: "Photosynthesis",
        keyPoints: ["Light makes glucose", "The Calvin cycle is in the mitochondria", "Chlorophyll is green"],
      }),
      reportedKeyPoints: [1],
    };
    installFakeApi((req) => {
      if (req.path === "/moderation/videos") return json(200, { items: [item], nextCursor: null });
      if (req.path === "/moderation/queue") return json(200, { items: [], nextCursor: null });
    });
    renderWithApp(<ModerationPage />, { path: "/moderation" });
    const marked = await screen.findByRole("list", { name: "Key points reported as inaccurate" });
    expect(within(marked).getAllByRole("listitem")).toHaveLength(1);
    expect(marked).toHaveTextContent("Key point 2 (reported): The Calvin cycle is in the mitochondria");
  });

  it("tells students the page is for moderators and asks the server nothing", async () => {
    useAuth.getState().signIn(session(), makeUser());
    const { calls } = installFakeApi(() => undefined);
    renderWithApp(<ModerationPage />, { path: "/moderation" });
    expect(screen.getByText("Moderators only")).toBeInTheDocument();
    expect(calls.filter((c) => c.path.startsWith("/moderation"))).toEqual([]);
  });
});
