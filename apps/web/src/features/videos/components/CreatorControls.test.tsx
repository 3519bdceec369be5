import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { installFakeApi, json, makeVideo } from "../../../testing/fake-api";
import { renderWithApp } from "../../../testing/render";
import { CreatorControls } from "./CreatorControls";

describe("CreatorControls", () => {
  it("switches a lesson to private and edits its title and tags", async () => {
    const video = makeVideo();
    const { calls } = installFakeApi((req) => {
      if (req.method === "PATCH") return json(200, { ...video, ...(req.body as object) });
    });
    const user = userEvent.setup();
    renderWithApp(<CreatorControls video={video} />);
    await user.click(screen.getByRole("button", { name: "Make private" }));
    await waitFor(() => expect(calls.find((c) => c.method === "PATCH")?.body).toEqual({ status: "PRIVATE" }));

    await user.click(screen.getByRole("button", { name: "Edit title and tags" }));
    const title = screen.getByLabelText("Title");
    await user.clear(title);
    await user.type(title, "ab");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(title).toHaveAccessibleDescription("Use at least 3 characters.");
    await user.type(title, "c cells");
    await user.clear(screen.getByLabelText("Tags"));
    await user.type(screen.getByLabelText("Tags"), "cells, biology ,");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(calls.filter((c) => c.method === "PATCH")[1].body).toEqual({
      title: "abc cells",
      tags: ["cells", "biology"],
    });
  });

  it("asks before deleting, and a moderator can only delete", async () => {
    const video = makeVideo();
    const { calls } = installFakeApi((req) => {
      if (req.method === "DELETE") return new Response(null, { status: 204 });
    });
    const user = userEvent.setup();
    renderWithApp(<CreatorControls video={video} canEdit={false} />);
    expect(screen.queryByRole("button", { name: "Edit title and tags" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Delete" }));
    expect(screen.getByRole("dialog", { name: "Delete this lesson?" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Keep it" }));
    expect(calls).toHaveLength(0);
    await user.click(screen.getByRole("button", { name: "Delete" }));
    await user.click(screen.getByRole("button", { name: "Delete lesson" }));
    await waitFor(() => expect(calls.find((c) => c.method === "DELETE")?.path).toBe(`/videos/${video.id}`));
  });
});
