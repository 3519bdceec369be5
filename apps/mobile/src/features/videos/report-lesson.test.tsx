// Screen: reporting a published lesson from the video screen, with a fake API on fetch.
import { fireEvent, screen, waitFor } from "expo-router/testing-library";
import { fakeApi, reply } from "../../../test/fake-api";
import { makeSession, makeUser, makeVideo, publicUser } from "../../../test/factories";
import { meRoute, renderApp, signIn } from "../../../test/render-app";
import { tokenStore } from "../../lib/api";

afterEach(() => tokenStore.set(null));

const lessonRoutes = (video: ReturnType<typeof makeVideo>) => ({
  "GET /videos/:id": () => video,
  "POST /videos/:id/view": () => reply(204),
  "GET /comments": () => ({ items: [], nextCursor: null }),
});

const reportButton = () => screen.queryByRole("button", { name: "Report lesson" });

describe("report a lesson", () => {
  test("the creator is not offered the report button", async () => {
    const me = makeUser();
    const video = makeVideo({ createdBy: publicUser(me) });
    fakeApi({ ...meRoute(me), ...lessonRoutes(video) });
    signIn(makeSession());
    renderApp(`/video/${video.id}`);
    // The comment box only appears once the signed-in user has loaded.
    expect(await screen.findByRole("button", { name: "Post comment" })).toBeTruthy();
    expect(reportButton()).toBeNull();
  });

  test("a signed-out visitor is not offered the report button", async () => {
    const video = makeVideo();
    fakeApi(lessonRoutes(video));
    renderApp(`/video/${video.id}`);
    expect(await screen.findByText("Log in to comment.")).toBeTruthy();
    expect(reportButton()).toBeNull();
  });

  test("a lesson that is not published cannot be reported", async () => {
    const video = makeVideo({ status: "PRIVATE" });
    fakeApi({ ...meRoute(makeUser()), ...lessonRoutes(video) });
    signIn(makeSession());
    renderApp(`/video/${video.id}`);
    expect(await screen.findByRole("button", { name: "Post comment" })).toBeTruthy();
    expect(reportButton()).toBeNull();
  });

  test("a signed-in student reports a lesson with a reason, is thanked, and the button goes away", async () => {
    const video = makeVideo();
    const api = fakeApi({
      ...meRoute(makeUser()),
      ...lessonRoutes(video),
      "POST /videos/:id/report": () => reply(202),
    });
    signIn(makeSession("reporter"));
    renderApp(`/video/${video.id}`);
    fireEvent.press(await screen.findByRole("button", { name: "Report lesson" }));

    // Cancel closes the panel without sending anything.
    fireEvent.press(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByLabelText("Reason (optional)")).toBeNull();
    fireEvent.press(screen.getByRole("button", { name: "Report lesson" }));

    const reason = screen.getByLabelText("Reason (optional)");
    expect(reason.props.maxLength).toBe(500);
    fireEvent.changeText(reason, "  The dates in slide 2 are wrong.  ");
    fireEvent.press(screen.getByRole("button", { name: "Send report" }));

    expect(await screen.findByText("Thanks — a moderator will review this lesson.")).toBeTruthy();
    const calls = api.callsTo("POST", `/videos/${video.id}/report`);
    expect(calls).toHaveLength(1);
    expect(calls[0].body).toEqual({ reason: "The dates in slide 2 are wrong." });
    expect(calls[0].headers.authorization).toBe("Bearer access-reporter");
    expect(reportButton()).toBeNull();
    expect(screen.queryByLabelText("Reason (optional)")).toBeNull();
  });

  test("without a reason the report is sent with an empty body", async () => {
    const video = makeVideo();
    const api = fakeApi({
      ...meRoute(makeUser()),
      ...lessonRoutes(video),
      "POST /videos/:id/report": () => reply(202),
    });
    signIn(makeSession());
    renderApp(`/video/${video.id}`);
    fireEvent.press(await screen.findByRole("button", { name: "Report lesson" }));
    fireEvent.press(screen.getByRole("button", { name: "Send report" }));
    expect(await screen.findByText("Thanks — a moderator will review this lesson.")).toBeTruthy();
    expect(api.callsTo("POST", `/videos/${video.id}/report`)[0].body).toEqual({});
  });

  test("a problem+json error is shown and the panel stays open", async () => {
    const video = makeVideo();
    fakeApi({
      ...meRoute(makeUser()),
      ...lessonRoutes(video),
      "POST /videos/:id/report": () =>
        reply(404, {
          type: "about:blank",
          title: "Not found",
          status: 404,
          code: "not_found",
          detail: "Video not found",
        }),
    });
    signIn(makeSession());
    renderApp(`/video/${video.id}`);
    fireEvent.press(await screen.findByRole("button", { name: "Report lesson" }));
    fireEvent.changeText(screen.getByLabelText("Reason (optional)"), "Spam");
    fireEvent.press(screen.getByRole("button", { name: "Send report" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Video not found");
    expect(screen.queryByText("Thanks — a moderator will review this lesson.")).toBeNull();
    await waitFor(() => expect(screen.getByRole("button", { name: "Send report" })).toBeEnabled());
    expect(screen.getByLabelText("Reason (optional)").props.value).toBe("Spam");
  });
});
