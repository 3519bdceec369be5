import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { AddCardsButton } from "../features/cards/components/AddCardsButton";
import { Quiz } from "../features/videos/components/Quiz";
import { useAuth } from "../stores/auth";
import { installFakeApi, json, makeUser, session } from "../testing/fake-api";
import { renderWithApp } from "../testing/render";
import ReviewPage from "./ReviewPage";

const card = (id: string, front: string, back: string, atSecond: number | null = 40) => ({
  id,
  videoId: "22222222-2222-4222-8222-222222222222",
  videoTitle: "Photosynthesis",
  kind: "KEY_POINT",
  itemIndex: 0,
  origin: "LESSON",
  front,
  back,
  atSecond,
  state: "new",
  due: "2026-11-26T09:00:00.000Z",
  stability: 0,
  difficulty: 0,
  scheduledDays: 0,
  reps: 0,
  lapses: 0,
  lastReview: null,
  retrievability: 0,
  createdAt: "2026-11-26T09:00:00.000Z",
});

describe("Review session", () => {
  it("reveals with space, rates with 1–4, links to the moment, and counts down", async () => {
    useAuth.getState().signIn(session(), makeUser());
    const cards = [card("c1", "What absorbs light?", "Chlorophyll"), card("c2", "What is released?", "Oxygen")];
    const { calls } = installFakeApi((req) => {
      if (req.path === "/cards/due")
        return json(200, { counts: { due: cards.length, overdue: 1, new: 2, total: 2 }, items: cards });
      const m = /^\/cards\/(c\d)\/review$/.exec(req.path);
      if (m && req.method === "POST") {
        const left = cards.length - 1;
        return json(200, {
          card: { ...cards.find((c) => c.id === m[1]), reps: 1 },
          replayed: false,
          counts: { due: left, overdue: 0, new: left, total: 2, nextDueAt: null },
        });
      }
    });
    const user = userEvent.setup();
    renderWithApp(<ReviewPage />, { path: "/review" });
    expect(await screen.findByRole("heading", { name: "What absorbs light?" })).toBeInTheDocument();
    expect(screen.getByText(/2/, { selector: "span" })).toBeInTheDocument();
    expect(screen.queryByTestId("card-answer")).toBeNull();
    // Rating before the answer is shown does nothing.
    await user.keyboard("3");
    expect(calls.some((c) => c.method === "POST")).toBe(false);

    await user.keyboard(" ");
    expect(screen.getByTestId("card-answer")).toHaveTextContent("Chlorophyll");
    expect(screen.getByRole("link", { name: /Watch the moment/ })).toHaveAttribute(
      "href",
      "/videos/22222222-2222-4222-8222-222222222222?t=40",
    );
    await user.keyboard("3");
    await waitFor(() => expect(screen.getByRole("heading", { name: "What is released?" })).toBeInTheDocument());
    const post = calls.find((c) => c.method === "POST");
    expect(post?.path).toBe("/cards/c1/review");
    expect(post?.body).toMatchObject({ rating: "good" });
    expect((post?.body as { clientId?: string } | undefined)?.clientId).toMatch(/^[0-9a-f-]{36}$/);
    // The answer hides again for the next card; the count came from the server's answer.
    expect(screen.queryByTestId("card-answer")).toBeNull();
    expect(screen.getByText("1")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: /Show answer/ }));
    await user.click(screen.getByRole("button", { name: "1 Again" }));
    await waitFor(() => expect(screen.getByText("All caught up")).toBeInTheDocument());
    expect(calls.filter((c) => c.method === "POST").map((c) => (c.body as { rating: string }).rating)).toEqual([
      "good",
      "again",
    ]);
  });

  it("adds a lesson's cards with one tap", async () => {
    useAuth.getState().signIn(session(), makeUser());
    const { calls } = installFakeApi((req) => {
      if (req.path === "/cards/from-lesson/v1" && req.method === "POST")
        return json(201, { added: 5, cards: [], counts: { due: 5, overdue: 0, new: 5, total: 5, nextDueAt: null } });
    });
    const user = userEvent.setup();
    renderWithApp(<AddCardsButton videoId="v1" />);
    await user.click(screen.getByRole("button", { name: "Add to my cards" }));
    expect(await screen.findByText(/Added 5 cards/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Review now" })).toHaveAttribute("href", "/review");
    expect(calls.filter((c) => c.method === "POST")).toHaveLength(1);
  });

  it("sends each checked quiz answer, so a missed question becomes a card", async () => {
    useAuth.getState().signIn(session(), makeUser());
    const { calls } = installFakeApi((req) => {
      if (req.path === "/videos/v1/quiz-answers") return json(201, { correct: false, answerIndex: 1, card: null });
    });
    const user = userEvent.setup();
    renderWithApp(<Quiz videoId="v1" questions={[{ question: "2 + 2?", choices: ["3", "4"], answerIndex: 1 }]} />);
    await user.click(screen.getByRole("radio", { name: "3" }));
    await user.click(screen.getByRole("button", { name: "Check answer" }));
    await waitFor(() => expect(calls.filter((c) => c.path === "/videos/v1/quiz-answers")).toHaveLength(1));
    expect(calls[0].body).toMatchObject({ questionIndex: 0, choiceIndex: 0 });
  });
});
