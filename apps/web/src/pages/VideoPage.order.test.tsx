// The lesson page reads top to bottom: the lesson, its summary, key points and quiz, then the
// rating box (a student rates what they have read), then comments (issue 15 rough edges).
import { screen } from "@testing-library/react";
import { expect, it } from "vitest";
import { installFakeApi, json, makeVideo } from "../testing/fake-api";
import { installFakeSocket } from "../testing/fake-socket";
import { renderWithApp } from "../testing/render";
import VideoPage from "./VideoPage";

it("puts 'Rate this lesson' after the summary and the quiz", async () => {
  installFakeSocket();
  const video = makeVideo();
  installFakeApi((req) => {
    if (req.path === `/videos/${video.id}`) return json(200, video);
    if (req.path === "/comments") return json(200, { items: [], nextCursor: null });
  });
  renderWithApp(<VideoPage />, { path: `/videos/${video.id}`, route: "/videos/:id" });
  await screen.findByRole("heading", { name: "Rate this lesson" });
  const order = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
  const at = (name: string) => order.indexOf(name);
  expect(at("Summary")).toBeGreaterThanOrEqual(0);
  expect(at("Rate this lesson")).toBeGreaterThan(at("Summary"));
  expect(at("Rate this lesson")).toBeGreaterThan(at("Quiz"));
});
