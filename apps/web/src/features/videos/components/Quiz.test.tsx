import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Quiz } from "./Quiz";

const questions = [
  { question: "What holds DNA?", choices: ["Nucleus", "Membrane", "Ribosome"], answerIndex: 0 },
  { question: "2 + 2?", choices: ["3", "4"], answerIndex: 1 },
];

describe("Quiz", () => {
  it("says when an answer is right, and gives the score at the end", async () => {
    const user = userEvent.setup();
    render(<Quiz questions={questions} />);
    const checks = screen.getAllByRole("button", { name: "Check answer" });
    expect(checks[0]).toBeDisabled();
    await user.click(screen.getByRole("radio", { name: "Nucleus" }));
    await user.click(checks[0]);
    expect(screen.getByText("Correct! Well done.")).toBeInTheDocument();

    await user.click(screen.getByRole("radio", { name: "3" }));
    await user.click(screen.getByRole("button", { name: "Check answer" }));
    expect(screen.getByText("Not quite. The answer is “4”.")).toBeInTheDocument();
    expect(screen.getByText("You scored 1 of 2.")).toBeInTheDocument();
    // Answers are locked once checked.
    expect(screen.getByRole("radio", { name: "Membrane" })).toBeDisabled();
  });

  it("starts over with Try again", async () => {
    const user = userEvent.setup();
    render(<Quiz questions={questions.slice(0, 1)} />);
    await user.click(screen.getByRole("radio", { name: "Membrane" }));
    await user.click(screen.getByRole("button", { name: "Check answer" }));
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(screen.getByRole("radio", { name: "Membrane" })).not.toBeChecked();
    expect(screen.queryByText(/You scored/)).not.toBeInTheDocument();
  });
});
