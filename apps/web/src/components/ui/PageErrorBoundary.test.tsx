import { render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { PageErrorBoundary } from "./PageErrorBoundary";

function Broken(): never {
  throw new TypeError("Cannot read properties of undefined (reading 'id')");
}

describe("PageErrorBoundary", () => {
  it("turns a page that throws while rendering into an error state with a way to retry", () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    render(
      <PageErrorBoundary>
        <Broken />
      </PageErrorBoundary>,
    );
    expect(screen.getByRole("heading", { name: "This page couldn't be shown" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
    quiet.mockRestore();
  });
});
