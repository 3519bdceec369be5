import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { useAuth } from "../stores/auth";
import { installFakeApi, json, makeUser, makeVideo, problem, session } from "../testing/fake-api";
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

describe("Feed as the landing page", () => {
  // A visitor's first screen says what Little Monster is and offers the two things to do; a
  // signed-in student goes straight to the lessons.
  it("tells a signed-out visitor what the site is, with 'watch' and 'create' actions", async () => {
    installFakeApi((req) => {
      if (req.path === "/videos") return json(200, { items: [makeVideo()], nextCursor: null });
    });
    renderWithApp(<FeedPage />);
    await screen.findByText("How cells work");
    expect(screen.getByText(/Little Monster turns a topic and your notes into a short video lesson/)).toBeVisible();
    expect(screen.getByRole("link", { name: "Watch lessons" })).toHaveAttribute("href", "#lessons");
    expect(document.getElementById("lessons")).toContainElement(screen.getByRole("list", { name: "Lessons" }));
    const create = screen.getByRole("link", { name: "Create a lesson" });
    expect(create).toHaveAttribute("href", "/generate");
    // Shown at every width: no `hidden` that only `sm:` undoes.
    expect(create.className).not.toMatch(/(^|\s)hidden(\s|$)/);
  });

  it("skips the introduction for a signed-in student", async () => {
    useAuth.getState().signIn(session(), makeUser());
    installFakeApi((req) => {
      if (req.path === "/videos") return json(200, { items: [makeVideo()], nextCursor: null });
    });
    renderWithApp(<FeedPage />);
    await screen.findByText("How cells work");
    expect(screen.queryByText(/Little Monster turns a topic/)).not.toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Watch lessons" })).not.toBeInTheDocument();
  });
});

describe("Feed mastery on lesson cards", () => {
  it("shows the signed-in student's mastery as text, from one request for the page", async () => {
    useAuth.getState().signIn(session(), makeUser());
    const { calls } = installFakeApi((req) => {
      if (req.path === "/videos") return json(200, { items: [makeVideo()], nextCursor: null });
      if (req.path === "/cards/mastery")
        return json(200, {
          subjects: [{ subject: "BIOLOGY", lessons: 1, cards: 2, mastery: 0.72 }],
          lessons: [
            {
              videoId: makeVideo().id,
              title: "How cells work",
              subject: "BIOLOGY",
              cards: 2,
              reviewed: 1,
              recall: 0.72,
              quizAnswered: 0,
              quizCorrect: 0,
              mastery: 0.72,
              weakestCardId: null,
            },
          ],
        });
    });
    renderWithApp(<FeedPage />);
    const label = await screen.findByText("Mastery 72%");
    expect(label.closest("article")).toHaveTextContent("How cells work");
    expect(calls.filter((c) => c.path === "/cards/mastery")).toHaveLength(1);
  });
});
