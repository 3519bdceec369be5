import { act, render, screen } from "@testing-library/react";
import { afterEach, expect, it, vi } from "vitest";
import { WhenVisible } from "./WhenVisible";

let trigger: ((entries: Array<{ isIntersecting: boolean }>) => void) | undefined;
afterEach(() => {
  vi.unstubAllGlobals();
  trigger = undefined;
});

it("renders a placeholder until its place nears the viewport, then its children", async () => {
  vi.stubGlobal(
    "IntersectionObserver",
    class {
      constructor(cb: (entries: Array<{ isIntersecting: boolean }>) => void) {
        trigger = cb;
      }
      observe() {}
      disconnect() {}
    },
  );
  render(
    <WhenVisible label="Loading comments">
      <p>Comments here</p>
    </WhenVisible>,
  );
  expect(screen.queryByText("Comments here")).toBeNull();
  expect(screen.getByText("Loading comments").parentElement).toHaveAttribute("aria-busy", "true");
  act(() => trigger?.([{ isIntersecting: false }]));
  expect(screen.queryByText("Comments here")).toBeNull();
  act(() => trigger?.([{ isIntersecting: true }]));
  expect(await screen.findByText("Comments here")).toBeInTheDocument();
});
