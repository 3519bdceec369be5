// The event form's weekly repeat: the weekday of the date typed in, saved as core's FREQ=WEEKLY rule.
import { weekdayCode, WEEKDAYS } from "@lm/core";
import { fireEvent, screen, waitFor } from "expo-router/testing-library";
import { fakeApi, reply } from "../../../test/fake-api";
import { makeEvent, makeSession, makeUser } from "../../../test/factories";
import { meRoute, renderApp, signIn } from "../../../test/render-app";
import { tokenStore } from "../../lib/api";
import { addDays, dayKey } from "./dates";

afterEach(() => tokenStore.set(null));

const longName = (code: string) => WEEKDAYS.find((w) => w.code === code)!.long;

test("a new weekly event repeats on the weekday of its own date, not today's", async () => {
  // Three days ahead is never today's weekday, so a form that took today's would fail here.
  const day = addDays(new Date(), 3);
  const code = weekdayCode(day);
  const api = fakeApi({
    ...meRoute(makeUser()),
    "GET /planner/events": () => ({ items: [] }),
    "POST /planner/events": ({ body }) => reply(201, makeEvent(body as object)),
  });
  signIn(makeSession());
  renderApp("/planner/event");
  fireEvent.changeText(await screen.findByLabelText("Title"), "Piano practice");
  fireEvent.changeText(screen.getByLabelText("Date"), dayKey(day));
  const toggle = screen.getByRole("switch", { name: "Repeat every week" });
  expect(toggle).not.toBeChecked();
  expect(screen.queryByRole("button", { name: longName(code) })).toBeNull();
  fireEvent.press(toggle);
  expect(screen.getByRole("switch", { name: "Repeat every week" })).toBeChecked();
  for (const w of WEEKDAYS) {
    const day = screen.getByRole("button", { name: w.long });
    if (w.code === code) expect(day).toBeSelected();
    else expect(day).not.toBeSelected();
  }
  fireEvent.press(screen.getByRole("button", { name: "Add to planner" }));
  await waitFor(() => expect(api.callsTo("POST", "/planner/events")).toHaveLength(1));
  expect(api.callsTo("POST", "/planner/events")[0].body).toMatchObject({
    title: "Piano practice",
    rrule: `FREQ=WEEKLY;BYDAY=${code}`,
  });
});

test("without the switch an event is saved with no repeat", async () => {
  const api = fakeApi({
    ...meRoute(makeUser()),
    "GET /planner/events": () => ({ items: [] }),
    "POST /planner/events": ({ body }) => reply(201, makeEvent(body as object)),
  });
  signIn(makeSession());
  renderApp("/planner/event");
  fireEvent.changeText(await screen.findByLabelText("Title"), "Once only");
  fireEvent.press(screen.getByRole("button", { name: "Add to planner" }));
  await waitFor(() => expect(api.callsTo("POST", "/planner/events")).toHaveLength(1));
  expect(api.callsTo("POST", "/planner/events")[0].body).toMatchObject({ rrule: null });
});

test("editing a repeating event shows its days; days are saved in week order, none is refused", async () => {
  const event = makeEvent({ title: "Chess club", rrule: "FREQ=WEEKLY;BYDAY=MO,WE" });
  const api = fakeApi({
    ...meRoute(makeUser()),
    "GET /planner/events": () => ({ items: [event] }),
    "PATCH /planner/events/:id": ({ body }) => ({ ...event, ...(body as object) }),
  });
  signIn(makeSession());
  renderApp("/planner");
  fireEvent.press(await screen.findByLabelText("Edit Chess club"));
  expect(await screen.findByDisplayValue("Chess club")).toBeTruthy();
  expect(screen.getByRole("switch", { name: "Repeat every week" })).toBeChecked();
  expect(screen.getByRole("button", { name: "Monday" })).toBeSelected();
  expect(screen.getByRole("button", { name: "Wednesday" })).toBeSelected();
  expect(screen.getByRole("button", { name: "Tuesday" })).not.toBeSelected();

  for (const name of ["Monday", "Wednesday"]) fireEvent.press(screen.getByRole("button", { name }));
  fireEvent.press(screen.getByRole("button", { name: "Save changes" }));
  expect(await screen.findByText("Pick at least one day to repeat on")).toBeTruthy();
  expect(api.callsTo("PATCH", `/planner/events/${event.id}`)).toHaveLength(0);

  for (const name of ["Friday", "Tuesday"]) fireEvent.press(screen.getByRole("button", { name }));
  fireEvent.press(screen.getByRole("button", { name: "Save changes" }));
  await waitFor(() => expect(api.callsTo("PATCH", `/planner/events/${event.id}`)).toHaveLength(1));
  expect(api.callsTo("PATCH", `/planner/events/${event.id}`)[0].body).toMatchObject({
    rrule: "FREQ=WEEKLY;BYDAY=TU,FR",
  });
});
