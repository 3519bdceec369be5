// Component: the lesson quiz's radios expose their checked state to native and to the web (aria-checked).
import { fireEvent, render, screen } from "@testing-library/react-native";
import { ariaProp } from "../../../test/a11y";
import { Quiz, scoreQuiz } from "./Quiz";

const ariaChecked = (node: Parameters<typeof ariaProp>[0]) => ariaProp(node, "aria-checked");

const quiz = [{ question: "What absorbs light?", choices: ["Chlorophyll", "Water"], answerIndex: 0 }];

describe("quiz", () => {
  test("each choice is a radio whose checked state follows the pick (aria-checked for the web)", () => {
    render(<Quiz quiz={quiz} />);
    for (const name of ["Chlorophyll", "Water"]) {
      const radio = screen.getByRole("radio", { name });
      expect(radio).not.toBeChecked();
      expect(ariaChecked(radio)).toBe(false);
    }

    fireEvent.press(screen.getByRole("radio", { name: "Water" }));
    expect(ariaChecked(screen.getByRole("radio", { name: "Water", checked: true }))).toBe(true);
    expect(ariaChecked(screen.getByRole("radio", { name: "Chlorophyll", checked: false }))).toBe(false);

    fireEvent.press(screen.getByRole("radio", { name: "Chlorophyll" }));
    expect(ariaChecked(screen.getByRole("radio", { name: "Chlorophyll" }))).toBe(true);
    expect(ariaChecked(screen.getByRole("radio", { name: "Water" }))).toBe(false);
  });

  test("checking the answers scores them and locks the radios", () => {
    render(<Quiz quiz={quiz} />);
    fireEvent.press(screen.getByRole("radio", { name: "Chlorophyll" }));
    fireEvent.press(screen.getByRole("button", { name: "Check answers" }));
    expect(screen.getByText("You got 1 of 1 right.")).toBeTruthy();
    expect(screen.getByRole("radio", { name: "Chlorophyll" })).toBeDisabled();
    expect(scoreQuiz(quiz, { 0: 1 })).toBe(0);
  });
});
