// The week is a time grid (hours down, days across; events placed by start, sized by length,
// whole titles; all-day and multi-day items on top; a day list on phones), and exams stand out
// from study sessions in the month, in text as well as colour (issue 15 rough edges).
import type { PlannerEvent } from "@lm/core";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { MonthView } from "./MonthView";
import { WeekView } from "./WeekView";

const at = (day: number, h: number, m = 0) => new Date(2026, 11, day, h, m).toISOString(); // December 2026
function event(over: Partial<PlannerEvent>): PlannerEvent {
  return {
    id: crypto.randomUUID(),
    title: "Event",
    description: null,
    subject: null,
    type: "STUDY_SESSION",
    startDate: at(8, 9),
    endDate: null,
    isCompleted: false,
    reminders: [],
    createdAt: at(1, 0),
    updatedAt: at(1, 0),
    ...over,
  };
}

const LONG = "Study: photosynthesis and the light-dependent reactions, chapter 4";
const events = [
  event({ title: LONG, startDate: at(8, 9), endDate: at(8, 11), subject: "BIOLOGY" }),
  event({ title: "Chemistry exam", type: "EXAM", startDate: at(9, 14), endDate: at(9, 15, 30) }),
  event({ title: "Field trip", type: "OTHER", startDate: at(7, 0), endDate: at(10, 0) }),
];
const noop = () => {};

describe("week view", () => {
  it("places events on a time grid by start and length, with all-day items on top", () => {
    render(<WeekView week={new Date(2026, 11, 8)} events={events} onOpen={noop} onAdd={noop} />);
    expect(screen.queryByText("Free")).not.toBeInTheDocument();
    const grid = screen.getByRole("group", { name: "Week by hour" });

    const study = within(grid).getByRole("button", { name: new RegExp(`^${LONG}`) });
    const exam = within(grid).getByRole("button", { name: /^Chemistry exam/ });
    // Hours run down at a fixed height each: 09:00–11:00 is twice as tall as an hour and
    // starts five hours above 14:00.
    const px = (v: string) => Number.parseFloat(v);
    const hour = px(exam.style.height) / 1.5;
    expect(hour).toBeGreaterThan(0);
    expect(px(study.style.height)).toBeCloseTo(2 * hour);
    expect(px(exam.style.top) - px(study.style.top)).toBeCloseTo(5 * hour);
    // Each in its own day's column, titles whole (no ellipsis).
    expect(study.closest("[data-day]")?.getAttribute("data-day")).toBe("2026-12-08");
    expect(exam.closest("[data-day]")?.getAttribute("data-day")).toBe("2026-12-09");
    expect(within(study).getByText(LONG).className).not.toMatch(/truncate/);

    // The three-day trip is one bar in the all-day row, not a block in the grid.
    const allDay = screen.getByRole("group", { name: "All day and multi-day" });
    const trip = within(allDay).getByRole("button", { name: /^Field trip/ });
    expect(trip.parentElement?.style.gridColumn).toBe("1 / span 3");
    expect(within(grid).queryByRole("button", { name: /^Field trip/ })).not.toBeInTheDocument();
  });

  it("lists the days one under another for phones", () => {
    render(<WeekView week={new Date(2026, 11, 8)} events={events} onOpen={noop} onAdd={noop} />);
    const list = screen.getByRole("list", { name: "Week by day" });
    const days = within(list).getAllByRole("listitem", { name: /December/ });
    expect(days).toHaveLength(7);
    expect(within(days[1]).getByRole("button", { name: new RegExp(`^${LONG}`) })).toBeInTheDocument();
    expect(within(days[2]).getByRole("button", { name: /^Chemistry exam/ })).toBeInTheDocument();
    // The trip is listed on each day it covers, as "All day" rather than a midnight start.
    for (const day of days.slice(0, 3)) expect(within(day).getByText("All day")).toBeInTheDocument();
    expect(within(days[3]).queryByText("Field trip")).not.toBeInTheDocument();
  });
});

describe("month view", () => {
  it("marks exams in words, not colour alone", () => {
    render(<MonthView month={new Date(2026, 11, 1)} events={events} onOpen={noop} onAdd={noop} />);
    const examChip = screen.getByRole("button", { name: /^Chemistry exam/ });
    expect(within(examChip).getByText("Exam")).toBeInTheDocument();
    const studyChip = screen.getByRole("button", { name: new RegExp(`^${LONG}`) });
    expect(within(studyChip).queryByText("Exam")).not.toBeInTheDocument();
    // The day itself says it holds an exam (phones show only dots there).
    expect(screen.getByRole("listitem", { name: /Wednesday, December 9.*1 exam/ })).toBeInTheDocument();
  });
});
