// Colour contrast (WCAG AA, 4.5:1 for normal-size text) of the theme pairs axe flagged on the web export.
import { contrastRatio } from "@lm/core";
import { screen, within } from "expo-router/testing-library";
import type { ReactTestInstance } from "react-test-renderer";
import { StyleSheet } from "react-native";
import { fakeApi } from "../../../test/fake-api";
import { renderApp } from "../../../test/render-app";
import { colors, slideBadge, tabBar } from "./theme";

const AA = 4.5;
const HEX = /^#[0-9a-f]{6}$/i; // contrastRatio reads #RRGGBB only: anything else would be measured as black.

function ratio(fg: unknown, bg: unknown): number {
  expect(fg).toMatch(HEX);
  expect(bg).toMatch(HEX);
  return contrastRatio(fg as string, bg as string);
}

/** The first ancestor that paints an opaque background: what the text is actually drawn on. */
function backgroundOf(node: ReactTestInstance): string | undefined {
  for (let p = node.parent; p; p = p.parent) {
    const bg = StyleSheet.flatten(p.props.style)?.backgroundColor;
    if (typeof bg === "string" && bg !== "transparent") return bg;
  }
  return undefined;
}

describe("colour contrast", () => {
  test("the tab bar tints reach AA on the tab bar", () => {
    expect(ratio(tabBar.inactive, tabBar.background)).toBeGreaterThanOrEqual(AA);
    expect(ratio(tabBar.active, tabBar.background)).toBeGreaterThanOrEqual(AA);
  });

  test("the slide counter pill reaches AA", () => {
    expect(ratio(slideBadge.text, slideBadge.background)).toBeGreaterThanOrEqual(AA);
  });

  test("muted text reaches AA on the page and on cards", () => {
    expect(ratio(colors.muted, colors.bg)).toBeGreaterThanOrEqual(AA);
    expect(ratio(colors.muted, colors.card)).toBeGreaterThanOrEqual(AA);
  });

  test("every rendered tab label, active or not, reaches AA on the bar behind it", async () => {
    fakeApi({ "GET /videos": () => ({ items: [], nextCursor: null }) });
    renderApp("/");
    await screen.findByLabelText("Feed tab");
    for (const name of ["Feed", "Generate", "Planner", "Profile"]) {
      const label = within(screen.getByLabelText(`${name} tab`)).getByText(name);
      const color = StyleSheet.flatten(label.props.style).color;
      expect(color).toBe(name === "Feed" ? tabBar.active : tabBar.inactive);
      expect(ratio(color, backgroundOf(label))).toBeGreaterThanOrEqual(AA);
    }
  });
});
