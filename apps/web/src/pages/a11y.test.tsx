// axe-core finds no serious or critical violations on rendered pages, and each page's title
// names the app.
import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useAuth } from "../stores/auth";
import { axeViolations } from "../testing/axe";
import { installFakeApi, json, makeUser, makeVideo, session } from "../testing/fake-api";
import { renderWithApp } from "../testing/render";
import GeneratePage from "./GeneratePage";
import LoginPage from "./LoginPage";
import PlannerPage from "./PlannerPage";
import RegisterPage from "./RegisterPage";
import VideoPage from "./VideoPage";

describe("accessibility", () => {
  it("log-in page", async () => {
    installFakeApi(() => undefined);
    renderWithApp(<LoginPage />, { path: "/login", route: "/login" });
    expect(screen.getByLabelText("Email")).toBeInTheDocument();
    expect(screen.getByLabelText("Password")).toBeInTheDocument();
    expect(document.title).toContain("Little Monster");
    expect(await axeViolations()).toEqual([]);
  });

  it("register page", async () => {
    installFakeApi(() => undefined);
    renderWithApp(<RegisterPage />, { path: "/register", route: "/register" });
    expect(screen.getByLabelText("Display name")).toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });

  it("generate page", async () => {
    useAuth.getState().signIn(session(), makeUser());
    installFakeApi(() => undefined);
    renderWithApp(<GeneratePage />, { path: "/generate" });
    for (const label of ["Topic", "Subject", "Difficulty", "Notes"])
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    expect(document.title).toContain("Little Monster");
    expect(await axeViolations()).toEqual([]);
  });

  it("video page with player, rating, quiz and comments", async () => {
    const video = makeVideo();
    installFakeApi((req) => {
      if (req.path === `/videos/${video.id}`) return json(200, video);
      if (req.path === "/comments") return json(200, { items: [], nextCursor: null });
      if (req.path.endsWith("/view")) return new Response(null, { status: 204 });
    });
    renderWithApp(<VideoPage />, { path: `/videos/${video.id}`, route: "/videos/:id" });
    expect(await screen.findByRole("heading", { level: 1, name: video.title })).toBeInTheDocument();
    // Comments load as their own chunk once the lesson has painted.
    await screen.findByText(/No comments yet/, undefined, { timeout: 5_000 });
    await waitFor(() => expect(document.title).toBe(`${video.title} · Little Monster`));
    expect(await axeViolations()).toEqual([]);
  });

  it("video page with the rendered MP4, its chapter marks and download", async () => {
    const base = makeVideo();
    const url = (f: string) => `/api/v1/videos/${base.id}/${f}?v=1`;
    const video = makeVideo({
      videoUrl: url("video.mp4"),
      media: {
        ...base.media,
        status: "READY",
        progress: 100,
        durationSec: 20,
        sizeBytes: 1_000_000,
        mp4Url: url("video.mp4"),
        captionsUrl: url("captions.vtt"),
        chaptersUrl: url("chapters.vtt"),
      },
    });
    installFakeApi((req) => {
      if (req.path === `/videos/${video.id}`) return json(200, video);
      if (req.path === "/comments") return json(200, { items: [], nextCursor: null });
      if (req.path.endsWith("/view")) return new Response(null, { status: 204 });
    });
    renderWithApp(<VideoPage />, { path: `/videos/${video.id}`, route: "/videos/:id" });
    expect(await screen.findByRole("region", { name: "Lesson video" })).toBeInTheDocument();
    // Comments load as their own chunk once the lesson has painted.
    await screen.findByText(/No comments yet/, undefined, { timeout: 5_000 });
    expect(await axeViolations()).toEqual([]);
  });

  it("planner page", async () => {
    useAuth.getState().signIn(session(), makeUser());
    installFakeApi((req) => {
      if (req.path === "/planner/events") return json(200, { items: [] });
    });
    renderWithApp(<PlannerPage />, { path: "/planner" });
    await screen.findByRole("list", { name: "Month" });
    expect(await axeViolations()).toEqual([]);
  });
});

describe("the axe check itself", () => {
  it("reports a control without an accessible name", async () => {
    document.body.innerHTML = '<main><button type="button"><svg></svg></button><img src="x.png"></main>';
    const violations = await axeViolations();
    expect(violations.some((v) => v.startsWith("button-name"))).toBe(true);
    expect(violations.some((v) => v.startsWith("image-alt"))).toBe(true);
    document.body.innerHTML = "";
  });
});
