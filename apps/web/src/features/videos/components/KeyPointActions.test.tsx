import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { installFakeApi, json, makeVideo } from "../../../testing/fake-api";
import { renderWithApp } from "../../../testing/render";
import { RegenerateKeyPointButton, ReportKeyPointButton } from "./KeyPointActions";

describe("key point actions", () => {
  it("Report inaccuracy sends the reason with the key point's index", async () => {
    const video = makeVideo();
    const { calls } = installFakeApi((req) => {
      if (req.method === "POST" && req.path === `/videos/${video.id}/report`)
        return new Response(null, { status: 202 });
    });
    const user = userEvent.setup();
    renderWithApp(<ReportKeyPointButton videoId={video.id} index={2} />);
    await user.click(screen.getByRole("button", { name: "Report inaccuracy in key point 3" }));
    await user.type(await screen.findByLabelText(/Reason/), "The stroma, not the mitochondria");
    await user.click(screen.getByRole("button", { name: "Send report" }));
    await waitFor(() => expect(calls.some((c) => c.path === `/videos/${video.id}/report`)).toBe(true));
    const sent = calls.find((c) => c.path === `/videos/${video.id}/report`);
    expect(sent?.body).toEqual({ reason: "The stroma, not the mitochondria", keyPointIndex: 2 });
    expect(await screen.findByRole("button", { name: "Reported key point 3" })).toBeDisabled();
  });

  it("the creator's rewrite calls the regenerate endpoint for that key point", async () => {
    const video = makeVideo();
    const { calls } = installFakeApi((req) => {
      if (req.method === "POST" && req.path === `/videos/${video.id}/key-points/1/regenerate`) return json(200, video);
    });
    const user = userEvent.setup();
    renderWithApp(<RegenerateKeyPointButton videoId={video.id} index={1} />);
    await user.click(screen.getByRole("button", { name: "Rewrite key point 2 from the notes" }));
    await waitFor(() =>
      expect(calls.map((c) => `${c.method} ${c.path}`)).toContain(`POST /videos/${video.id}/key-points/1/regenerate`),
    );
  });

  it("the creator's AI regeneration asks the server to reword the key point with its model", async () => {
    const video = makeVideo();
    const { calls } = installFakeApi((req) => {
      if (req.method === "POST" && req.path === `/videos/${video.id}/key-points/0/regenerate`) return json(200, video);
    });
    const user = userEvent.setup();
    renderWithApp(<RegenerateKeyPointButton videoId={video.id} index={0} using="ai" />);
    await user.click(screen.getByRole("button", { name: "Regenerate key point 1 with the AI" }));
    await waitFor(() => expect(calls.some((c) => c.path.endsWith("/key-points/0/regenerate"))).toBe(true));
    expect(calls.find((c) => c.path.endsWith("/key-points/0/regenerate"))?.body).toEqual({ using: "ai" });
    expect(await screen.findByText("Key point 1 reworded by the AI.")).toBeInTheDocument();
  });

  it("a rejected AI answer is shown as the server's reason", async () => {
    const video = makeVideo();
    installFakeApi((req) => {
      if (req.method === "POST" && req.path === `/videos/${video.id}/key-points/0/regenerate`)
        return json(422, {
          type: "about:blank",
          title: "Content rejected",
          status: 422,
          code: "content_rejected",
          detail: "The AI model's new key point was not grounded in the lesson's notes.",
        });
    });
    const user = userEvent.setup();
    renderWithApp(<RegenerateKeyPointButton videoId={video.id} index={0} using="ai" />);
    await user.click(screen.getByRole("button", { name: "Regenerate key point 1 with the AI" }));
    expect(await screen.findByText(/not grounded in the lesson's notes/)).toBeInTheDocument();
  });
});
