import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { installFakeApi, json } from "../../../testing/fake-api";
import { renderWithApp } from "../../../testing/render";
import { EventDialog } from "./EventDialog";

const created = {
  id: "55555555-5555-4555-8555-555555555555",
  title: "Chemistry revision",
  description: null,
  subject: "CHEMISTRY",
  type: "STUDY_SESSION",
  startDate: "2026-12-01T17:00:00.000Z",
  endDate: null,
  isCompleted: false,
  reminders: [60],
  rrule: "FREQ=WEEKLY;BYDAY=MO,WE",
  createdAt: "2026-11-26T09:00:00.000Z",
  updatedAt: "2026-11-26T09:00:00.000Z",
};

describe("EventDialog", () => {
  it("creates a weekly event on the chosen days as an RRULE, with reminders", async () => {
    const { calls } = installFakeApi((req) => {
      if (req.method === "POST" && req.path === "/planner/events") return json(201, created);
    });
    const onClose = vi.fn();
    const user = userEvent.setup();
    renderWithApp(<EventDialog event={null} day={new Date(2026, 11, 1)} onClose={onClose} />);

    await user.type(screen.getByLabelText("Title"), "Chemistry revision");
    await user.selectOptions(screen.getByLabelText("Subject"), "CHEMISTRY");
    await user.click(screen.getByLabelText("Repeat every week"));
    // 1 December 2026 is a Tuesday: preselected. Switch to Monday and Wednesday.
    expect(screen.getByRole("button", { name: "Tuesday" })).toHaveAttribute("aria-pressed", "true");
    await user.click(screen.getByRole("button", { name: "Tuesday" }));
    await user.click(screen.getByRole("button", { name: "Wednesday" }));
    await user.click(screen.getByRole("button", { name: "Monday" }));
    await user.click(screen.getByLabelText("1 day before"));
    await user.click(screen.getByRole("button", { name: "Save event" }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const body = calls.find((c) => c.method === "POST")?.body as Record<string, unknown>;
    expect(body).toMatchObject({
      title: "Chemistry revision",
      type: "STUDY_SESSION",
      subject: "CHEMISTRY",
      rrule: "FREQ=WEEKLY;BYDAY=MO,WE",
      reminders: [60, 1440],
    });
    expect(new Date(body.startDate as string).getDate()).toBe(1);
  });

  it("refuses an end time before the start time without calling the server", async () => {
    const { calls } = installFakeApi(() => undefined);
    const user = userEvent.setup();
    renderWithApp(<EventDialog event={null} day={new Date(2026, 11, 1)} onClose={() => {}} />);
    await user.type(screen.getByLabelText("Title"), "Exam");
    await user.clear(screen.getByLabelText("Start time"));
    await user.type(screen.getByLabelText("Start time"), "10:00");
    await user.type(screen.getByLabelText("End time"), "09:00");
    await user.click(screen.getByRole("button", { name: "Save event" }));
    expect(await screen.findByText("The end time must be after the start time.")).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it("weekly repeat defaults to the event's own weekday, also after the date is changed", async () => {
    const { calls } = installFakeApi((req) => {
      if (req.method === "POST" && req.path === "/planner/events") return json(201, created);
    });
    const user = userEvent.setup();
    // Opened on Friday 4 December 2026 ("today"), then the date set to Tuesday 8 December.
    renderWithApp(<EventDialog event={null} day={new Date(2026, 11, 4)} onClose={vi.fn()} />);
    await user.type(screen.getByLabelText("Title"), "Chemistry revision");
    const date = screen.getByLabelText("Date");
    await user.clear(date);
    await user.type(date, "2026-12-08");
    await user.click(screen.getByLabelText("Repeat every week"));
    expect(screen.getByRole("button", { name: "Tuesday" })).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByRole("button", { name: "Friday" })).toHaveAttribute("aria-pressed", "false");
    await user.click(screen.getByRole("button", { name: /Save|Add/ }));
    await waitFor(() => expect(calls.some((c) => c.method === "POST")).toBe(true));
    expect(calls.find((c) => c.method === "POST")?.body).toMatchObject({ rrule: "FREQ=WEEKLY;BYDAY=TU" });
  });
});
