// A feed card says each thing once, never cuts the author's name, and its focus ring is not
// clipped. jsdom has no layout, so "clipped" is read from the classes that clip: overflow,
// truncate and line-clamp on the focused link or an ancestor inside the card.
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { makeVideo } from "../../../testing/fake-api";
import { renderWithApp } from "../../../testing/render";
import { VideoCard } from "./VideoCard";

const CLIPS = /(^|\s)(truncate|line-clamp-\d+|overflow-(hidden|clip)|text-ellipsis)(\s|$)/;

/** The element and its ancestors up to (not including) `stop` that clip their content. */
function clippingAncestors(el: Element, stop: Element | null): Element[] {
  const out: Element[] = [];
  for (let n: Element | null = el.parentElement; n && n !== stop; n = n.parentElement) {
    if (CLIPS.test(n.getAttribute("class") ?? "")) out.push(n);
  }
  return out;
}

describe("VideoCard", () => {
  it("prints the title, subject and difficulty once and lets a long author name wrap", () => {
    const video = makeVideo({
      title: "The Pythagorean theorem",
      createdBy: { ...makeVideo().createdBy, displayName: "Little Monster Study Team" },
    });
    renderWithApp(<VideoCard video={video} />);
    expect(screen.getAllByText("The Pythagorean theorem")).toHaveLength(1);
    expect(screen.getAllByText("Biology")).toHaveLength(1);
    expect(screen.getAllByText("Beginner")).toHaveLength(1);
    const name = screen.getByText("Little Monster Study Team");
    expect(name.getAttribute("class") ?? "").not.toMatch(CLIPS);
    expect(clippingAncestors(name, name.closest("article"))).toEqual([]);
  });

  it("shows the whole focus ring on the title link", async () => {
    renderWithApp(<VideoCard video={makeVideo()} />);
    await userEvent.setup().tab();
    const link = screen.getByRole("link", { name: "How cells work" });
    expect(link).toHaveFocus();
    expect(clippingAncestors(link, link.closest("article")?.parentElement ?? null)).toEqual([]);
  });
});
