// electron-updater wiring: the feed comes from settings and checks only run in packaged builds.
import { describe, expect, it } from "vitest";
import { setupAutoUpdate, type UpdaterPort } from "./updater.js";

function fakeUpdater(fail = false) {
  const calls = { feeds: [] as unknown[], checks: 0 };
  const updater: UpdaterPort = {
    autoDownload: false,
    logger: null,
    setFeedURL: (options) => void calls.feeds.push(options),
    checkForUpdatesAndNotify: async () => {
      calls.checks++;
      if (fail) throw new Error("feed unreachable");
      return null;
    },
  };
  return { updater, calls };
}

describe("setupAutoUpdate", () => {
  it("points electron-updater at the configured generic feed and checks", async () => {
    const { updater, calls } = fakeUpdater();
    const check = setupAutoUpdate(() => updater, {
      feedUrl: "https://updates.example/lm/",
      isPackaged: true,
      log: () => {},
    });
    expect(calls.feeds).toEqual([{ provider: "generic", url: "https://updates.example/lm/" }]);
    expect(updater.autoDownload).toBe(true);
    expect(updater.logger).not.toBeNull();
    await check?.();
    expect(calls.checks).toBe(1);
  });

  it("stays off without a feed or outside a packaged build, and says so", () => {
    const logs: string[] = [];
    const a = fakeUpdater();
    expect(setupAutoUpdate(() => a.updater, { feedUrl: null, isPackaged: true, log: (m) => logs.push(m) })).toBeNull();
    const b = fakeUpdater();
    expect(
      setupAutoUpdate(() => b.updater, { feedUrl: "https://u.example", isPackaged: false, log: (m) => logs.push(m) }),
    ).toBeNull();
    expect(a.calls.feeds).toEqual([]);
    let built = 0;
    setupAutoUpdate(
      () => {
        built++;
        return a.updater;
      },
      { feedUrl: null, isPackaged: false, log: () => {} },
    );
    expect(built).toBe(0); // electron-updater's platform updater is never even constructed
    expect(b.calls.feeds).toEqual([]);
    expect(logs).toHaveLength(2);
  });

  it("logs a failed check instead of crashing the app", async () => {
    const { updater } = fakeUpdater(true);
    const logs: string[] = [];
    const check = setupAutoUpdate(() => updater, {
      feedUrl: "https://u.example",
      isPackaged: true,
      log: (m) => logs.push(m),
    });
    await expect(check?.()).resolves.toBeUndefined();
    expect(logs.at(-1)).toMatch(/feed unreachable/);
  });
});
