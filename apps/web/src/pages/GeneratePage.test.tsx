import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { installFakeApi, json, makeUser, makeVideo, problem, session } from "../testing/fake-api";
import { renderWithApp } from "../testing/render";
import { useAuth } from "../stores/auth";
import GeneratePage from "./GeneratePage";

describe("Generate page", () => {
  it("shows the server's field errors from a 400 problem+json next to the field", async () => {
    useAuth.getState().signIn(session(), makeUser());
    installFakeApi((req) => {
      if (req.method === "POST" && req.path === "/videos")
        return problem(400, "validation_error", [{ path: "topic", message: "Topic is not specific enough" }]);
    });
    const user = userEvent.setup();
    renderWithApp(<GeneratePage />, { path: "/generate" });
    await user.type(screen.getByLabelText("Topic"), "Cells and stuff");
    await user.selectOptions(screen.getByLabelText("Subject"), "BIOLOGY");
    await user.click(screen.getByRole("button", { name: /Generate lesson/ }));
    const topic = screen.getByLabelText("Topic");
    expect(await screen.findByText("Topic is not specific enough")).toBeInTheDocument();
    expect(topic).toHaveAttribute("aria-invalid", "true");
    expect(topic).toHaveAccessibleDescription("Topic is not specific enough");
    expect(screen.queryByText(/validation_error/)).not.toBeInTheDocument();
  });

  it("checks the topic with the shared schema before sending anything", async () => {
    useAuth.getState().signIn(session(), makeUser());
    const { calls } = installFakeApi(() => undefined);
    const user = userEvent.setup();
    renderWithApp(<GeneratePage />, { path: "/generate" });
    await user.type(screen.getByLabelText("Topic"), "ab");
    await user.click(screen.getByRole("button", { name: /Generate lesson/ }));
    expect(screen.getByLabelText("Topic")).toHaveAttribute("aria-invalid", "true");
    expect(calls.filter((c) => c.method === "POST")).toHaveLength(0);
  });

  it("explains content the server refused without showing raw JSON", async () => {
    useAuth.getState().signIn(session(), makeUser());
    installFakeApi((req) => {
      if (req.method === "POST")
        return problem(422, "content_rejected", undefined, "the topic asks for unsafe content");
    });
    const user = userEvent.setup();
    renderWithApp(<GeneratePage />, { path: "/generate" });
    await user.type(screen.getByLabelText("Topic"), "Something bad");
    await user.selectOptions(screen.getByLabelText("Subject"), "BIOLOGY");
    await user.click(screen.getByRole("button", { name: /Generate lesson/ }));
    expect(await screen.findByRole("alert")).toHaveTextContent("We can't use that: the topic asks for unsafe content");
  });

  const capabilities = (topicOnly: boolean) => ({
    text: { provider: topicOnly ? "llama-cpp" : "offline", topicOnly },
    speech: null,
    video: { available: false, reason: "Video rendering is switched off on this server (VIDEO_RENDER=false)." },
  });

  it("requires a chosen subject: none is preselected", async () => {
    useAuth.getState().signIn(session(), makeUser());
    const { calls } = installFakeApi((req) => {
      if (req.path === "/capabilities") return json(200, capabilities(true));
    });
    const user = userEvent.setup();
    renderWithApp(<GeneratePage />, { path: "/generate" });
    expect(screen.getByLabelText("Subject")).toHaveValue("");
    await user.type(screen.getByLabelText("Topic"), "Cells and membranes");
    await user.click(screen.getByRole("button", { name: /Generate lesson/ }));
    expect(screen.getByLabelText("Subject")).toHaveAccessibleDescription("Choose a subject.");
    expect(calls.filter((c) => c.method === "POST")).toHaveLength(0);
  });

  it("requires notes before sending when the server cannot write from a topic alone", async () => {
    useAuth.getState().signIn(session(), makeUser());
    const { calls } = installFakeApi((req) => {
      if (req.path === "/capabilities") return json(200, capabilities(false));
      if (req.method === "POST" && req.path === "/videos") return json(202, makeVideo({ status: "PENDING" }));
    });
    const user = userEvent.setup();
    renderWithApp(<GeneratePage />, { path: "/generate" });
    const notes = await screen.findByRole("textbox", { name: /Notes/ });
    await waitFor(() => expect(notes).toBeRequired());
    await user.type(screen.getByLabelText("Topic"), "Cells and membranes");
    await user.selectOptions(screen.getByLabelText("Subject"), "BIOLOGY");
    await user.click(screen.getByRole("button", { name: /Generate lesson/ }));
    expect(notes).toHaveAttribute("aria-invalid", "true");
    expect(notes).toHaveAccessibleDescription(/This server builds lessons from your notes/);
    expect(calls.filter((c) => c.method === "POST")).toHaveLength(0);
  });

  it("keeps notes optional where a model can start from the topic", async () => {
    useAuth.getState().signIn(session(), makeUser());
    const { calls } = installFakeApi((req) => {
      if (req.path === "/capabilities") return json(200, capabilities(true));
      if (req.method === "POST" && req.path === "/videos") return json(202, makeVideo({ status: "PENDING" }));
    });
    const user = userEvent.setup();
    renderWithApp(<GeneratePage />, { path: "/generate" });
    await waitFor(() => expect(calls.some((c) => c.path === "/capabilities")).toBe(true));
    await user.type(screen.getByLabelText("Topic"), "Cells and membranes");
    await user.selectOptions(screen.getByLabelText("Subject"), "BIOLOGY");
    await user.click(screen.getByRole("button", { name: /Generate lesson/ }));
    await waitFor(() => expect(calls.filter((c) => c.method === "POST")).toHaveLength(1));
    expect(calls.find((c) => c.method === "POST")?.body).toMatchObject({ subject: "BIOLOGY" });
  });
});
