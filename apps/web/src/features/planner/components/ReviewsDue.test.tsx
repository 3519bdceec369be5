import type { PlannerEvent } from "@lm/core";
import { screen } from "@testing-library/react";
import { expect, it } from "vitest";
import { renderWithApp } from "../../../testing/render";
import { dayKey } from "../lib/dates";
import { AgendaList } from "./AgendaList";
import { MonthView } from "./MonthView";

const today = new Date();
today.setHours(10, 0, 0, 0);
const event: PlannerEvent = {
  id: "00000000-0000-4000-8000-000000000001",
  userId: "00000000-0000-4000-8000-000000000002",
  title: "Chemistry class",
  description: null,
  subject: "CHEMISTRY",
  type: "CLASS",
  startDate: today.toISOString(),
  endDate: null,
  allDay: false,
  isCompleted: false,
  reminders: [],
  rrule: null,
  linkedEventId: null,
  createdAt: today.toISOString(),
  updatedAt: today.toISOString(),
} as unknown as PlannerEvent;

it("shows the review cards due on a day in the month and agenda views, linking to the review queue", async () => {
  const reviews = new Map([[dayKey(today), 3]]);
  renderWithApp(
    <>
      <MonthView month={today} events={[event]} onOpen={() => {}} onAdd={() => {}} reviews={reviews} />
      <AgendaList events={[event]} onOpen={() => {}} reviews={reviews} />
    </>,
  );
  const month = await screen.findByRole("link", { name: "3 to review" });
  expect(month).toHaveAttribute("href", "/review");
  expect(screen.getByRole("link", { name: "3 cards to review" })).toHaveAttribute("href", "/review");
});

it("shows nothing on a day with no cards due", async () => {
  renderWithApp(<AgendaList events={[event]} onOpen={() => {}} reviews={new Map()} />);
  await screen.findByText("Chemistry class");
  expect(screen.queryByText(/to review/)).toBeNull();
});
