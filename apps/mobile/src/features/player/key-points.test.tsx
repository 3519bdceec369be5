// Key points: a tap shows where the point came from in the student's notes; another tap hides it.
// A student can report a point as inaccurate; the creator can rewrite it from the notes.
import { QueryClientProvider } from "@tanstack/react-query";
import { fireEvent, render, screen, waitFor } from "@testing-library/react-native";
import type { ReactNode } from "react";
import { fakeApi, reply } from "../../../test/fake-api";
import { makeVideo } from "../../../test/factories";
import { makeQueryClient } from "../../lib/query-client";
import { KeyPoints } from "./KeyPoints";

function renderWithClient(ui: ReactNode) {
  const client = makeQueryClient();
  return { client, ...render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>) };
}

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

describe("actions on a key point", () => {
  const lesson = { ...video, id: "22222222-2222-4222-8222-222222222222" };

  test("a student opens a point and reports it as inaccurate: the report names the key point", async () => {
    const api = fakeApi({ "POST /videos/:id/report": () => undefined });
    renderWithClient(<KeyPoints video={lesson} viewer="student" />);
    // Every point opens now, grounded or not.
    expect(screen.getAllByRole("button")).toHaveLength(2);
    fireEvent.press(screen.getByText("1. Glucose is made from carbon dioxide and water"));
    fireEvent.press(screen.getByRole("button", { name: "Report inaccuracy in key point 1" }));
    expect(await screen.findByText("Thanks — a moderator will review this key point.")).toBeTruthy();
    expect(api.callsTo("POST", `/videos/${lesson.id}/report`)[0].body).toEqual({ keyPointIndex: 0 });
  });

  test("the creator rewrites a point from the notes and the lesson shows the new wording", async () => {
    const rewritten = "The Calvin cycle takes place in the stroma of the chloroplast";
    const api = fakeApi({
      "POST /videos/:id/key-points/:index/regenerate": () =>
        makeVideo({ id: lesson.id, keyPoints: [lesson.keyPoints[0], rewritten] }),
    });
    const { client } = renderWithClient(<KeyPoints video={lesson} viewer="creator" />);
    fireEvent.press(screen.getByText("2. The Calvin cycle is in the stroma"));
    expect(screen.getByText(/From your notes/)).toBeTruthy();
    fireEvent.press(screen.getByRole("button", { name: "Rewrite key point 2 from the notes" }));
    expect(await screen.findByText("Key point 2 rewritten from your notes.")).toBeTruthy();
    expect(api.callsTo("POST", `/videos/${lesson.id}/key-points/1/regenerate`)).toHaveLength(1);
    await waitFor(() =>
      expect(client.getQueryData<{ keyPoints: string[] }>(["videos", "one", lesson.id])?.keyPoints[1]).toBe(rewritten),
    );
  });

  const capabilities = (provider: string) => () => ({
    text: { provider, topicOnly: provider !== "offline" },
    speech: null,
    video: { available: false, reason: "off" },
  });

  test("on a server with a model the creator has the AI reword a point; the request says so", async () => {
    const reworded = "The Calvin cycle fixes carbon dioxide in the stroma";
    const api = fakeApi({
      "GET /capabilities": capabilities("llama-cpp"),
      "POST /videos/:id/key-points/:index/regenerate": () =>
        makeVideo({ id: lesson.id, keyPoints: [lesson.keyPoints[0], reworded] }),
    });
    const { client } = renderWithClient(<KeyPoints video={lesson} viewer="creator" />);
    fireEvent.press(screen.getByText("2. The Calvin cycle is in the stroma"));
    fireEvent.press(await screen.findByRole("button", { name: "Regenerate key point 2 with the AI" }));
    expect(await screen.findByText("Key point 2 reworded by the AI.")).toBeTruthy();
    expect(api.callsTo("POST", `/videos/${lesson.id}/key-points/1/regenerate`)[0].body).toEqual({ using: "ai" });
    await waitFor(() =>
      expect(client.getQueryData<{ keyPoints: string[] }>(["videos", "one", lesson.id])?.keyPoints[1]).toBe(reworded),
    );
  });

  test("a rejected AI answer shows the server's reason; without a model there is no AI button", async () => {
    fakeApi({
      "GET /capabilities": capabilities("openai"),
      "POST /videos/:id/key-points/:index/regenerate": () =>
        reply(422, {
          type: "about:blank",
          title: "Content rejected",
          status: 422,
          code: "content_rejected",
          detail: "The AI model's new key point was not grounded in the lesson's notes.",
        }),
    });
    const first = renderWithClient(<KeyPoints video={lesson} viewer="creator" />);
    fireEvent.press(screen.getByText("2. The Calvin cycle is in the stroma"));
    fireEvent.press(await screen.findByRole("button", { name: "Regenerate key point 2 with the AI" }));
    expect(await screen.findByText(/not grounded in the lesson's notes/)).toBeTruthy();
    first.unmount();

    const api = fakeApi({ "GET /capabilities": capabilities("offline") });
    renderWithClient(<KeyPoints video={lesson} viewer="creator" />);
    fireEvent.press(screen.getByText("2. The Calvin cycle is in the stroma"));
    await waitFor(() => expect(api.callsTo("GET", "/capabilities")).toHaveLength(1));
    expect(screen.getByRole("button", { name: "Rewrite key point 2 from the notes" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: /with the AI/ })).toBeNull();
  });
});
