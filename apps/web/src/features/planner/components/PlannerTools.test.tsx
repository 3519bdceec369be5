import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { installFakeApi, json } from "../../../testing/fake-api";
import { renderWithApp } from "../../../testing/render";
import { ImportIcsButton } from "./CalendarTools";
import { StudyPlanDialog } from "./StudyPlanDialog";

const NOW = "2026-11-26T09:00:00.000Z";
const exam = {
  id: "66666666-6666-4666-8666-666666666666",
  title: "Biology exam",
  description: null,
  subject: "BIOLOGY",
  type: "EXAM",
  startDate: "2026-12-10T09:00:00.000Z",
  endDate: null,
  isCompleted: false,
  reminders: [],
  createdAt: NOW,
  updatedAt: NOW,
};
const session = (d: string) => ({
  ...exam,
  id: crypto.randomUUID(),
  title: "Study: Biology exam",
  type: "STUDY_SESSION",
  startDate: d,
});

describe("planner tools", () => {
  it("previews an exam countdown plan and adds it when accepted", async () => {
    const { calls } = installFakeApi((req) => {
      if (req.path === "/planner/events") return json(200, { items: [exam] });
      if (req.path === "/planner/plan") {
        const body = req.body as { accept?: boolean };
        return json(body.accept ? 201 : 200, {
          items: [session("2026-11-28T17:00:00.000Z"), session("2026-12-01T17:00:00.000Z")],
          accepted: Boolean(body.accept),
        });
      }
    });
    const user = userEvent.setup();
    renderWithApp(<StudyPlanDialog open onClose={() => {}} />);
    expect(await screen.findByRole("option", { name: /Biology exam/ })).toBeInTheDocument();
    await user.clear(screen.getByLabelText("Sessions per week"));
    await user.type(screen.getByLabelText("Sessions per week"), "2");
    await user.click(screen.getByRole("button", { name: "Preview plan" }));
    const list = await screen.findByRole("list", { name: "Planned sessions" });
    expect(list.querySelectorAll("li")).toHaveLength(2);
    await user.click(screen.getByRole("button", { name: "Add to my planner" }));
    await waitFor(() => expect(calls.filter((c) => c.path === "/planner/plan")).toHaveLength(2));
    const [preview, accept] = calls.filter((c) => c.path === "/planner/plan").map((c) => c.body);
    expect(preview).toEqual({ examEventId: exam.id, sessionsPerWeek: 2, minutesPerSession: 45 });
    expect(accept).toEqual({ examEventId: exam.id, sessionsPerWeek: 2, minutesPerSession: 45, accept: true });
    expect(await screen.findByText(/Added 2 study sessions/)).toBeInTheDocument();
  });

  it("imports an .ics file as text/calendar", async () => {
    const { calls } = installFakeApi((req) => {
      if (req.path === "/planner/import") return json(201, { imported: 3 });
    });
    renderWithApp(<ImportIcsButton />);
    const ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";
    const file = new File([ics], "school.ics", { type: "text/calendar" });
    fireEvent.change(screen.getByLabelText("Import .ics"), { target: { files: [file] } });
    expect(await screen.findByText("Imported 3 events.")).toBeInTheDocument();
    const call = calls.find((c) => c.path === "/planner/import")!;
    expect(call.body).toBe(ics);
    expect(call.headers["content-type"]).toBe("text/calendar");
  });
});
