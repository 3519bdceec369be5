// Fitting the review schedule to the student: refused with the server's reason until there are enough
// reviews, then the settings say on how many reviews it was fitted.
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { QueryClientProvider } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { useAuth } from "../../../stores/auth";
import { installFakeApi, json, makeUser, problem, session } from "../../../testing/fake-api";
import { testQueryClient } from "../../../testing/render";
import { PersonalScheduling } from "./PersonalScheduling";

const defaults = { desiredRetention: 0.9, weights: null, optimizedAt: null, optimizedReviews: null };
const weights = Array.from({ length: 21 }, (_, i) => i / 10);

function mount() {
  useAuth.getState().signIn(session(), makeUser());
  render(
    <QueryClientProvider client={testQueryClient()}>
      <PersonalScheduling />
    </QueryClientProvider>,
  );
}

describe("PersonalScheduling", () => {
  it("shows why the server refuses a fit with too few reviews", async () => {
    const { calls } = installFakeApi((req) => {
      if (req.path === "/cards/settings") return json(200, defaults);
      if (req.path === "/cards/optimize")
        return problem(409, "not_enough_reviews", undefined, "Optimising needs at least 400 reviews; you have 12");
    });
    mount();
    expect(await screen.findByText(/Using FSRS's defaults/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Fit scheduling to my reviews" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Optimising needs at least 400 reviews; you have 12");
    expect(calls.filter((c) => c.path === "/cards/optimize" && c.method === "POST")).toHaveLength(1);
  });

  it("after a fit, says on how many reviews the schedule is fitted", async () => {
    let fitted = false;
    installFakeApi((req) => {
      if (req.path === "/cards/settings")
        return json(
          200,
          fitted ? { ...defaults, weights, optimizedAt: "2030-01-02T10:00:00Z", optimizedReviews: 1000 } : defaults,
        );
      if (req.path === "/cards/optimize") {
        fitted = true;
        return json(200, { weights, reviewsUsed: 1000, cardsUsed: 84, optimizedAt: "2030-01-02T10:00:00Z" });
      }
    });
    mount();
    await screen.findByText(/Using FSRS's defaults/);
    fireEvent.click(screen.getByRole("button", { name: "Fit scheduling to my reviews" }));
    await waitFor(() =>
      expect(screen.getByTestId("scheduling-status")).toHaveTextContent(/Fitted to your 1,000 reviews on/),
    );
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
