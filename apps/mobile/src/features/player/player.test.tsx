// Component: the narrated lesson player driven by fake timers.
import { act, fireEvent, render, screen } from "@testing-library/react-native";
import * as Speech from "expo-speech";
import { makeVideo } from "../../../test/factories";
import { Player } from "./Player";

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

  test("playback stops at the end and offers a replay", () => {
    const onFinished = jest.fn();
    render(<Player video={video} onFinished={onFinished} />);
    fireEvent.press(screen.getByLabelText("Play lesson"));
    act(() => jest.advanceTimersByTime(31_000));
    expect(screen.getByText("Replay")).toBeTruthy();
    expect(onFinished).toHaveBeenCalled();
  });
});
