import type { Video } from "@lm/core";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { json, makeVideo, problem, installFakeApi } from "../../../testing/fake-api";
import { renderWithApp, testQueryClient } from "../../../testing/render";
import { videoKeys } from "../api/keys";
import { useVideo } from "../api/get-video";
import { RatingStars } from "./RatingStars";

function Harness({ id }: { id: string }) {
  const { data } = useVideo(id);
  return data ? <RatingStars video={data} canRate /> : null;
}

function setup(answer: () => Response | Promise<Response>) {
  const video = makeVideo({ ratingAvg: 4, ratingCount: 2, myRating: null });
  const qc = testQueryClient();
  qc.setQueryData(videoKeys.detail(video.id), video);
  let release: () => void = () => {};
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const { calls } = installFakeApi(async (req) => {
    if (req.method === "POST" && req.path === "/ratings") {
      await gate;
      return answer();
    }
    if (req.path === `/videos/${video.id}`) return json(200, video);
  });
  renderWithApp(<Harness id={video.id} />, { queryClient: qc });
  return { video, qc, calls, release };
}

describe("RatingStars", () => {
  it("shows the new rating at once, then the server's numbers", async () => {
    const user = userEvent.setup();
    const { video, qc, calls, release } = setup(() =>
      json(200, { videoId: makeVideo().id, stars: 5, ratingAvg: 4.5, ratingCount: 4 }),
    );
    await user.click(screen.getByRole("radio", { name: "5 stars" }));
    // Optimistic: checked and recomputed before the server has answered.
    expect(screen.getByRole("radio", { name: "5 stars" })).toBeChecked();
    expect(screen.getByTestId("rating-summary")).toHaveTextContent("4.3 · 3 ratings");
    expect(calls.filter((c) => c.path === "/ratings")[0]?.body).toEqual({ videoId: video.id, stars: 5 });
    release();
    await waitFor(() => expect(screen.getByTestId("rating-summary")).toHaveTextContent("4.5 · 4 ratings"));
    expect(qc.getQueryData<Video>(videoKeys.detail(video.id))?.myRating).toBe(5);
  });

  it("puts the stars back and says so when the server fails", async () => {
    const user = userEvent.setup();
    const { video, qc, release } = setup(() => problem(500, "internal"));
    await user.click(screen.getByRole("radio", { name: "3 stars" }));
    expect(screen.getByRole("radio", { name: "3 stars" })).toBeChecked();
    release();
    await waitFor(() => expect(screen.getByRole("radio", { name: "3 stars" })).not.toBeChecked());
    expect(screen.getByTestId("rating-summary")).toHaveTextContent("4.0 · 2 ratings");
    expect(qc.getQueryData<Video>(videoKeys.detail(video.id))?.myRating).toBeNull();
    expect(await screen.findByText(/Your rating wasn't saved/)).toBeInTheDocument();
  });
});
