// The native menu: keyboard shortcuts for Feed, Generate and Planner navigate the page.
import { describe, expect, it } from "vitest";
import type { MenuItemConstructorOptions } from "electron";
import type { NavigationTarget } from "../shared/bridge.js";
import { buildMenuTemplate } from "./menu.js";

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function build(options = { isMac: false, appName: "Little Monster", isDev: false }) {
  const navigated: NavigationTarget[] = [];
  let updateChecks = 0;
  const template = buildMenuTemplate(
    { navigate: (t) => navigated.push(t), checkForUpdates: () => updateChecks++ },
    options,
  );
  return { template, items: flatten(template), navigated, updateChecks: () => updateChecks };
}

const click = (item: MenuItemConstructorOptions | undefined) =>
  // The click handlers ignore their arguments; Electron's three are irrelevant here.
  (item?.click as (() => void) | undefined)?.();

describe("buildMenuTemplate", () => {
  it.each([
    ["Feed", "CmdOrCtrl+1", "feed"],
    ["Generate", "CmdOrCtrl+2", "generate"],
    ["Planner", "CmdOrCtrl+3", "planner"],
  ] as const)("%s has %s and navigates to %s", (label, accelerator, target) => {
    const { items, navigated } = build();
    const item = items.find((i) => i.label === label);
    expect(item?.accelerator).toBe(accelerator);
    click(item);
    expect(navigated).toEqual([target]);
  });

  it("uses each accelerator once", () => {
    const accelerators = build().items.flatMap((i) => (i.accelerator ? [i.accelerator] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it("puts the app menu first on macOS only", () => {
    expect(build({ isMac: true, appName: "Little Monster", isDev: false }).template[0].role).toBe("appMenu");
    expect(build().template[0].label).toBe("File");
  });

  it("offers DevTools only in development", () => {
    expect(build().items.some((i) => i.role === "toggleDevTools")).toBe(false);
    expect(build({ isMac: false, appName: "x", isDev: true }).items.some((i) => i.role === "toggleDevTools")).toBe(
      true,
    );
  });

  it("Check for Updates calls the updater", () => {
    const menu = build();
    click(menu.items.find((i) => i.label === "Check for Updates…"));
    expect(menu.updateChecks()).toBe(1);
  });
});
