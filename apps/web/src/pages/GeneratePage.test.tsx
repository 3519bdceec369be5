import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { makeUser, problem, session, installFakeApi } from "../testing/fake-api";
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
    await user.click(screen.getByRole("button", { name: /Generate lesson/ }));
    expect(await screen.findByRole("alert")).toHaveTextContent("We can't use that: the topic asks for unsafe content");
  });
});
