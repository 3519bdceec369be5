import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { KeyPointSource } from "./KeyPointSource";

const source = { start: 0, end: 42, text: "The Calvin cycle takes place in the stroma" };

describe("KeyPointSource", () => {
  it("shows the notes' sentence on keyboard focus, hides it on Escape and when focus leaves", async () => {
    const user = userEvent.setup();
    render(
      <>
        <KeyPointSource source={source} index={1} />
        <button type="button">next</button>
      </>,
    );
    const trigger = screen.getByRole("button", { name: "Where key point 2 comes from in your notes" });
    expect(screen.queryByRole("tooltip")).toBeNull();
    await user.tab();
    expect(trigger).toHaveFocus();
    const tip = screen.getByRole("tooltip");
    expect(tip).toHaveTextContent("From your notes: “The Calvin cycle takes place in the stroma”");
    expect(trigger).toHaveAttribute("aria-expanded", "true");
    expect(trigger).toHaveAccessibleDescription(/The Calvin cycle takes place in the stroma/);
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("tooltip")).toBeNull();
    expect(trigger).toHaveAttribute("aria-expanded", "false");
    await user.click(trigger);
    expect(screen.getByRole("tooltip")).toBeInTheDocument();
    await user.tab();
    expect(screen.queryByRole("tooltip")).toBeNull();
  });

  it("opens on hover and closes when the pointer leaves", async () => {
    const user = userEvent.setup();
    render(<KeyPointSource source={source} index={0} />);
    const trigger = screen.getByRole("button", { name: "Where key point 1 comes from in your notes" });
    await user.hover(trigger);
    expect(screen.getByRole("tooltip")).toHaveTextContent(source.text);
    await user.unhover(trigger);
    expect(screen.queryByRole("tooltip")).toBeNull();
  });
});
