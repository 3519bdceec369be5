// Key points: a tap shows where the point came from in the student's notes; another tap hides it.
import { fireEvent, render, screen } from "@testing-library/react-native";
import { KeyPoints } from "./KeyPoints";

const video = {
  keyPoints: ["Glucose is made from carbon dioxide and water", "The Calvin cycle is in the stroma"],
  keyPointSources: [null, { start: 10, end: 52, text: "The Calvin cycle takes place in the stroma" }],
};

test("tapping a grounded key point shows its source from the notes, tapping again hides it", () => {
  render(<KeyPoints video={video} />);
  expect(screen.getByText("1. Glucose is made from carbon dioxide and water")).toBeTruthy();
  // Only the grounded point is a button.
  expect(screen.getAllByRole("button")).toHaveLength(1);
  expect(screen.queryByText(/From your notes/)).toBeNull();
  fireEvent.press(screen.getByRole("button"));
  expect(screen.getByText(/The Calvin cycle takes place in the stroma/)).toBeTruthy();
  expect(screen.getByRole("button").props.accessibilityState).toMatchObject({ expanded: true });
  fireEvent.press(screen.getByRole("button"));
  expect(screen.queryByText(/From your notes/)).toBeNull();
});

test("a lesson without sources lists its key points as plain text", () => {
  render(<KeyPoints video={{ keyPoints: ["One", "Two"] }} />);
  expect(screen.getByText("2. Two")).toBeTruthy();
  expect(screen.queryAllByRole("button")).toHaveLength(0);
});
