import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useAuth } from "../../../stores/auth";
import { installFakeApi, json, makeUser, session } from "../../../testing/fake-api";
import { LessonPlayer } from "./LessonPlayer";

const video = {
  title: "Cells",
  subject: "BIOLOGY" as const,
  script: "Cells are the units of life. Every living thing has them. The nucleus holds DNA. It controls the cell.",
  keyPoints: ["Cells are the units of life", "The nucleus holds DNA"],
  timestamps: [0, 10],
  duration: 20,
};

const heading = () => screen.getByTestId("slide-heading").textContent;

describe("LessonPlayer", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("changes slide when playback reaches the next timestamp", () => {
    render(<LessonPlayer video={video} />);
    expect(heading()).toBe("Cells are the units of life");
    fireEvent.click(screen.getByRole("button", { name: "Play" }));
    act(() => vi.advanceTimersByTime(9_000));
    expect(heading()).toBe("Cells are the units of life");
    act(() => vi.advanceTimersByTime(1_250));
    expect(heading()).toBe("The nucleus holds DNA");
    expect(screen.getByTestId("caption").textContent).toBe("The nucleus holds DNA.");
  });

  it("plays faster at a higher speed", () => {
    render(<LessonPlayer video={video} />);
    fireEvent.change(screen.getByLabelText("Speed"), { target: { value: "2" } });
    fireEvent.click(screen.getByRole("button", { name: "Play" }));
    act(() => vi.advanceTimersByTime(5_000));
    expect(heading()).toBe("The nucleus holds DNA");
    expect(screen.getByTestId("clock").textContent).toBe("0:10 / 0:20");
  });

  it("seeks with the progress bar", () => {
    render(<LessonPlayer video={video} />);
    fireEvent.change(screen.getByRole("slider", { name: "Seek" }), { target: { value: "12" } });
    expect(heading()).toBe("The nucleus holds DNA");
    expect(screen.getByTestId("clock").textContent).toBe("0:12 / 0:20");
  });

  it("stops at the end and offers a replay", () => {
    render(<LessonPlayer video={video} />);
    fireEvent.click(screen.getByRole("button", { name: "Play" }));
    act(() => vi.advanceTimersByTime(25_000));
    expect(screen.getByTestId("clock").textContent).toBe("0:20 / 0:20");
    expect(screen.getByRole("button", { name: "Replay" })).toBeInTheDocument();
  });

  it("answers the keyboard: space plays and pauses, arrows move between key points", () => {
    render(<LessonPlayer video={video} />);
    fireEvent.keyDown(document.body, { key: "ArrowRight" });
    expect(heading()).toBe("The nucleus holds DNA");
    fireEvent.keyDown(document.body, { key: "ArrowLeft" });
    expect(heading()).toBe("Cells are the units of life");

    fireEvent.keyDown(document.body, { key: " " });
    expect(screen.getByRole("button", { name: "Pause" })).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(3_000));
    fireEvent.keyDown(document.body, { key: " " });
    expect(screen.getByRole("button", { name: "Play" })).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(3_000));
    expect(screen.getByTestId("clock").textContent).toBe("0:03 / 0:20");
  });

  it("ignores shortcuts while the student types", () => {
    render(
      <>
        <LessonPlayer video={video} />
        <label>
          Comment
          <input />
        </label>
      </>,
    );
    fireEvent.keyDown(screen.getByLabelText("Comment"), { key: "ArrowRight" });
    expect(heading()).toBe("Cells are the units of life");
  });
});

describe("LessonPlayer narration", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("speaks each caption at the chosen speed and goes quiet on pause", () => {
    const spoken: { text: string; rate: number }[] = [];
    const cancel = vi.fn();
    class Utterance {
      rate = 1;
      constructor(readonly text: string) {}
    }
    vi.stubGlobal("SpeechSynthesisUtterance", Utterance);
    vi.stubGlobal("speechSynthesis", { speak: (u: Utterance) => spoken.push({ text: u.text, rate: u.rate }), cancel });

    render(<LessonPlayer video={video} />);
    expect(screen.getByRole("button", { name: "Narration" })).toHaveAttribute("aria-pressed", "true");
    fireEvent.change(screen.getByLabelText("Speed"), { target: { value: "1.5" } });
    fireEvent.click(screen.getByRole("button", { name: "Play" }));
    expect(spoken[0]).toEqual({ text: "Cells are the units of life.", rate: 1.5 });
    act(() => vi.advanceTimersByTime(7_000));
    expect(spoken.map((s) => s.text)).toContain("The nucleus holds DNA.");
    cancel.mockClear();
    fireEvent.click(screen.getByRole("button", { name: "Pause" }));
    expect(cancel).toHaveBeenCalled();
  });

  it("reports the seconds played as watch time when playback stops (signed in)", () => {
    const { calls } = installFakeApi((req) => (req.path.endsWith("/watch") ? json(200, {}) : undefined));
    useAuth.getState().signIn(session(1), makeUser());
    render(<LessonPlayer video={{ ...video, id: "v1" }} />);
    fireEvent.click(screen.getByRole("button", { name: "Play" }));
    act(() => vi.advanceTimersByTime(8_000));
    fireEvent.click(screen.getByRole("button", { name: "Pause" }));
    const beats = calls.filter((c) => c.path === "/videos/v1/watch");
    expect(beats.map((c) => c.body)).toEqual([{ positionSec: 8, secondsWatched: 8 }]);
    useAuth.getState().signOut();
  });
});
