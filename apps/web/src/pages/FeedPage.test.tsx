import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { installFakeApi, json, makeVideo, problem } from "../testing/fake-api";
import { renderWithApp } from "../testing/render";
import FeedPage from "./FeedPage";

describe("Feed", () => {
  it("searches after a pause in typing and highlights the matching words", async () => {
    const { calls } = installFakeApi((req) => {
      if (req.path !== "/videos") return;
      const q = req.url.searchParams.get("q");
      return json(200, {
        items: q ? [makeVideo({ title: "Photosynthesis in plants" })] : [makeVideo()],
        nextCursor: null,
      });
    });
    const user = userEvent.setup();
    renderWithApp(<FeedPage />);
    expect(await screen.findByText("How cells work")).toBeInTheDocument();
    await user.type(screen.getByRole("searchbox", { name: "Search lessons" }), "photosynthesis");
    const mark = await screen.findByText("Photosynthesis", { selector: "mark" });
    expect(mark.closest("h2")).toHaveTextContent("Photosynthesis in plants");
    const searches = calls.filter((c) => c.url.searchParams.get("q"));
    // Debounced: one request for the whole word, not one per key.
    expect(searches.map((c) => c.url.searchParams.get("q"))).toEqual(["photosynthesis"]);
  });

  it("offers 'For you' only to signed-in students and filters by subject", async () => {
    const { calls } = installFakeApi((req) => {
      if (req.path === "/videos") return json(200, { items: [makeVideo()], nextCursor: null });
    });
    const user = userEvent.setup();
    renderWithApp(<FeedPage />);
    await screen.findByText("How cells work");
    // Read to screen readers: a plural by the language's rules, not "1 lessons".
    expect(screen.getByText("1 lesson")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "For you" })).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText("Subject"), "BIOLOGY");
    await waitFor(() => expect(calls.some((c) => c.url.searchParams.get("subject") === "BIOLOGY")).toBe(true));
  });

  it("says what to do when nothing matches, and when the feed fails", async () => {
    installFakeApi((req) => {
      if (req.path === "/videos")
        return req.url.searchParams.get("subject")
          ? json(200, { items: [], nextCursor: null })
          : problem(500, "internal");
    });
    const user = userEvent.setup();
    renderWithApp(<FeedPage />);
    expect(await screen.findByRole("heading", { name: "We couldn't load the feed" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText("Subject"), "MATH");
    expect(await screen.findByRole("heading", { name: "No lessons match" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Clear search and filters" })).toBeInTheDocument();
  });
});

describe("Feed with a malformed answer", () => {
  // A proxy or a stand-in server answering `{ ok: true }` to everything once crashed the page on
  // `video.id`; the feed says it could not load instead.
  it("shows the error state, not a crash, when /videos is not a page of lessons", async () => {
    installFakeApi((req) => {
      if (req.path === "/videos") return json(200, { ok: true });
    });
    renderWithApp(<FeedPage />);
    expect(await screen.findByRole("heading", { name: "We couldn't load the feed" })).toBeInTheDocument();
  });
});
