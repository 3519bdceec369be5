// Component: the narrated lesson player driven by fake timers.
import { contrastRatio, SUBJECT_COLORS } from "@lm/core";
import { act, fireEvent, render, screen } from "@testing-library/react-native";
import * as Speech from "expo-speech";
import { StyleSheet } from "react-native";
import { makeVideo } from "../../../test/factories";
import { Player, slideTextColor } from "./Player";

describe("lesson player", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const video = makeVideo({
    keyPoints: ["Light capture", "Chlorophyll", "Making sugar"],
    timestamps: [0, 10, 20],
    duration: 30,
    script: "Plants capture light. Chlorophyll absorbs it. Sugar is made from carbon dioxide and water.",
  });

  test("slides change at the key-point timestamps while playing, with captions and narration", () => {
    render(<Player video={video} />);
    expect(screen.getByLabelText("Slide 1 of 3: Light capture")).toBeTruthy();
    fireEvent.press(screen.getByLabelText("Play lesson"));
    expect(Speech.speak).toHaveBeenCalledWith("Plants capture light.", { rate: 1 });

    act(() => jest.advanceTimersByTime(10_500));
    expect(screen.getByLabelText("Slide 2 of 3: Chlorophyll")).toBeTruthy();
    act(() => jest.advanceTimersByTime(10_000));
    expect(screen.getByLabelText("Slide 3 of 3: Making sugar")).toBeTruthy();
    expect(screen.getByTestId("player-caption")).toHaveTextContent(/Sugar is made/);
  });

  test("pausing stops the clock and the voice", () => {
    render(<Player video={video} />);
    fireEvent.press(screen.getByLabelText("Play lesson"));
    act(() => jest.advanceTimersByTime(3000));
    fireEvent.press(screen.getByLabelText("Pause lesson"));
    act(() => jest.advanceTimersByTime(20_000));
    expect(screen.getByLabelText("Slide 1 of 3: Light capture")).toBeTruthy();
    expect(Speech.stop).toHaveBeenCalled();
  });

  test("next and previous jump between slides", () => {
    render(<Player video={video} />);
    fireEvent.press(screen.getByLabelText("Next slide"));
    fireEvent.press(screen.getByLabelText("Next slide"));
    expect(screen.getByLabelText("Slide 3 of 3: Making sugar")).toBeTruthy();
    fireEvent.press(screen.getByLabelText("Previous slide"));
    expect(screen.getByLabelText("Slide 2 of 3: Chlorophyll")).toBeTruthy();
  });

  test("a slide dot jumps straight to that key point", () => {
    render(<Player video={video} />);
    fireEvent.press(screen.getByLabelText("Go to slide 3: Making sugar"));
    expect(screen.getByLabelText("Slide 3 of 3: Making sugar")).toBeTruthy();
    expect(screen.getByText("0:20 / 0:30")).toBeTruthy();
  });

  test("with narration off nothing is spoken", () => {
    jest.mocked(Speech.speak).mockClear();
    render(<Player video={video} narrationDefault={false} />);
    fireEvent.press(screen.getByLabelText("Play lesson"));
    act(() => jest.advanceTimersByTime(5000));
    expect(Speech.speak).not.toHaveBeenCalled();
  });

  test("the progress slider exposes its value to native and to the web (aria-valuenow/min/max)", () => {
    render(<Player video={video} />);
    const slider = screen.getByRole("adjustable", { name: "Lesson progress" });
    expect(slider).toHaveAccessibilityValue({ min: 0, max: 30, now: 0, text: "0:00" });
    expect(slider.props).toMatchObject({
      accessibilityValue: { min: 0, max: 30, now: 0 },
      "aria-valuemin": 0,
      "aria-valuemax": 30,
      "aria-valuenow": 0,
      "aria-valuetext": "0:00",
    });

    fireEvent.press(screen.getByLabelText("Go to slide 3: Making sugar"));
    const moved = screen.getByRole("adjustable", { name: "Lesson progress" });
    expect(moved.props["aria-valuenow"]).toBe(20);
    expect(moved.props.accessibilityValue.now).toBe(20);
  });

  test("the slide counter sits on an opaque pill that reaches AA contrast on every subject", () => {
    for (const subject of Object.keys(SUBJECT_COLORS) as (keyof typeof SUBJECT_COLORS)[]) {
      const { unmount } = render(<Player video={{ ...video, subject }} />);
      const counter = screen.getByTestId("player-slide-count");
      expect(counter).toHaveTextContent("1 / 3");
      const { color, backgroundColor } = StyleSheet.flatten(counter.props.style);
      // #RRGGBB: opaque, so the subject colour behind it does not matter (and contrastRatio can read it).
      expect(color).toMatch(/^#[0-9a-f]{6}$/i);
      expect(backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
      expect(contrastRatio(color as string, backgroundColor as string)).toBeGreaterThanOrEqual(4.5);
      unmount();
    }
  });

  test("the slide's big text reaches AA for large text (3:1) on every subject colour", () => {
    for (const subject of Object.keys(SUBJECT_COLORS) as (keyof typeof SUBJECT_COLORS)[]) {
      const { unmount } = render(<Player video={{ ...video, subject }} />);
      const { color, fontSize, fontWeight } = StyleSheet.flatten(screen.getByTestId("player-slide-text").props.style);
      // Large text: at least 14pt (18.66px) bold.
      expect(fontSize).toBeGreaterThanOrEqual(18.66);
      expect(fontWeight).toBe("700");
      expect(color).toMatch(/^#[0-9a-f]{6}$/i);
      expect(contrastRatio(color as string, SUBJECT_COLORS[subject])).toBeGreaterThanOrEqual(3);
      unmount();
    }
    // White stays wherever it reads; only Economics' amber (white is 2.9:1 there) gets dark text.
    expect(slideTextColor(SUBJECT_COLORS.BIOLOGY)).toBe("#FFFFFF");
    expect(slideTextColor(SUBJECT_COLORS.ECONOMICS)).not.toBe("#FFFFFF");
  });

  test("playback stops at the end and offers a replay", () => {
    const onFinished = jest.fn();
    render(<Player video={video} onFinished={onFinished} />);
    fireEvent.press(screen.getByLabelText("Play lesson"));
    act(() => jest.advanceTimersByTime(31_000));
    expect(screen.getByText("Replay")).toBeTruthy();
    expect(onFinished).toHaveBeenCalled();
  });
});
