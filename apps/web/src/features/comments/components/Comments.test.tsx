import type { Comment } from "@lm/core";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useAuth } from "../../../stores/auth";
import { installFakeApi, json, makeUser, session } from "../../../testing/fake-api";
import { installFakeSocket } from "../../../testing/fake-socket";
import { renderWithApp } from "../../../testing/render";
import { Comments } from "./Comments";

const videoId = "22222222-2222-4222-8222-222222222222";
const other = {
  id: "44444444-4444-4444-8444-444444444444",
  displayName: "Bea",
  avatarColor: "#DB2777",
  subjects: [],
  createdAt: "2026-11-26T09:00:00.000Z",
};
const C1 = "55555555-5555-4555-8555-555555555551";
const C2 = "55555555-5555-4555-8555-555555555552";
/** What the server sends for a deleted comment (core's CommentDeletedEvent). */
const deleted = (id: string) => ({ id, videoId, userId: other.id, isHidden: false, moderationStatus: "APPROVED" });
const comment = (id: string, text: string, over: Partial<Comment> = {}): Comment => ({
  id,
  videoId,
  user: other,
  text,
  isHidden: false,
  moderationStatus: "APPROVED",
  moderationReason: null,
  createdAt: "2026-11-26T09:00:00.000Z",
  updatedAt: "2026-11-26T09:00:00.000Z",
  ...over,
});

describe("Comments", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows new comments live and removes deleted or hidden ones without a reload", async () => {
    const socket = installFakeSocket();
    installFakeApi((req) => {
      if (req.path === "/comments") return json(200, { items: [comment(C1, "First!")], nextCursor: null });
    });
    renderWithApp(<Comments videoId={videoId} videoCreatorId={other.id} />);
    expect(await screen.findByText("First!")).toBeInTheDocument();

    const ws = socket();
    expect(ws.url).toContain("/api/v1/realtime");
    act(() => ws.open());
    expect(ws.sent).toContainEqual({ type: "subscribe", channel: `video:${videoId}` });

    act(() =>
      ws.emit({
        type: "event",
        channel: `video:${videoId}`,
        event: "comment.created",
        data: comment(C2, "Live hello"),
      }),
    );
    const list = screen.getByRole("list", { name: "Comments" });
    expect(await within(list).findByText("Live hello")).toBeInTheDocument();
    expect(within(list).getAllByRole("listitem")[0]).toHaveTextContent("Live hello");

    act(() =>
      ws.emit({
        type: "event",
        channel: `video:${videoId}`,
        event: "comment.updated",
        // What the server sends for a comment that was hidden: no text, no author.
        data: { id: C2, videoId, isHidden: true },
      }),
    );
    await waitFor(() => expect(screen.queryByText("Live hello")).not.toBeInTheDocument());

    act(() => ws.emit({ type: "event", channel: `video:${videoId}`, event: "comment.deleted", data: deleted(C1) }));
    await waitFor(() => expect(screen.queryByText("First!")).not.toBeInTheDocument());
  });

  it("posts a comment and shows it at the top", async () => {
    installFakeSocket();
    useAuth.getState().signIn(session(), makeUser());
    const me = {
      id: makeUser().id,
      displayName: "Sam Student",
      avatarColor: "#4F46E5",
      subjects: [],
      createdAt: other.createdAt,
    };
    const { calls } = installFakeApi((req) => {
      if (req.method === "GET" && req.path === "/comments")
        return json(200, { items: [comment(C1, "Older")], nextCursor: null });
      if (req.method === "POST" && req.path === "/comments")
        return json(201, comment("c9", "Great lesson", { user: me }));
    });
    const user = userEvent.setup();
    renderWithApp(<Comments videoId={videoId} videoCreatorId={other.id} />);
    await screen.findByText("Older");
    await user.type(screen.getByLabelText("Add a comment"), "Great lesson");
    await user.click(screen.getByRole("button", { name: "Post comment" }));
    expect(await screen.findByText("Great lesson")).toBeInTheDocument();
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({ videoId, text: "Great lesson" });
    expect(screen.getByLabelText("Add a comment")).toHaveValue("");
  });

  it("tells the author why their comment is held, in words that say what happens next", async () => {
    installFakeSocket();
    const me = makeUser();
    useAuth.getState().signIn(session(), me);
    const mine = { ...other, id: me.id, displayName: me.displayName };
    installFakeApi((req) => {
      if (req.path === "/comments")
        return json(200, {
          items: [
            comment(C1, "whoever made it is an idiot", {
              user: mine,
              isHidden: true,
              moderationStatus: "FLAGGED",
              moderationReason: "The text needs review because it may insult a person.",
            }),
            comment(C2, "something worse", {
              user: mine,
              isHidden: true,
              moderationStatus: "REJECTED",
              moderationReason: "The text was rejected because it contains a threat.",
            }),
          ],
          nextCursor: null,
        });
    });
    renderWithApp(<Comments videoId={videoId} videoCreatorId={other.id} />);
    const held = (await screen.findByText("whoever made it is an idiot")).closest("li") as HTMLElement;
    expect(within(held).getByText(/Held for review/)).toBeInTheDocument();
    expect(within(held).getByText(/a moderator looks at it before anyone else can see it/)).toBeInTheDocument();
    expect(within(held).getByText(/it may insult a person/)).toBeInTheDocument();
    const rejected = screen.getByText("something worse").closest("li") as HTMLElement;
    expect(within(rejected).getByText(/Not published/)).toBeInTheDocument();
    expect(within(rejected).getByText(/it contains a threat/)).toBeInTheDocument();
  });
});
