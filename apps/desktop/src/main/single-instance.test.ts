// Single-instance lock and deep-link forwarding, with a fake `app` that emits like Electron.
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import type { DeepLink } from "../shared/bridge.js";
import { createDeepLinkDispatcher, type SingleInstanceApp, setupSingleInstance } from "./single-instance.js";

const ID = "3f2c9a4e-1b7d-4c8e-9f01-23456789abcd";

class FakeApp extends EventEmitter implements SingleInstanceApp {
  quitCalls = 0;
  constructor(private readonly gotLock: boolean) {
    super();
  }
  requestSingleInstanceLock(): boolean {
    return this.gotLock;
  }
  quit(): void {
    this.quitCalls++;
  }
}

function start(gotLock: boolean, argv: string[] = ["little-monster"]) {
  const app = new FakeApp(gotLock);
  const links: DeepLink[] = [];
  const calls = { focus: 0 };
  const logs: string[] = [];
  const first = setupSingleInstance(app, {
    argv,
    onDeepLink: (link) => links.push(link),
    focus: () => calls.focus++,
    log: (m) => logs.push(m),
  });
  return { app, links, calls, first, logs };
}

describe("setupSingleInstance", () => {
  it("quits the second instance at once", () => {
    const { app, first, links } = start(false, ["little-monster", `littlemonster://video/${ID}`]);
    expect(first).toBe(false);
    expect(app.quitCalls).toBe(1);
    expect(links).toEqual([]); // the first instance gets it via second-instance
    expect(app.listenerCount("second-instance")).toBe(0);
  });

  it("handles a link the first instance was started with", () => {
    const { links, first } = start(true, ["little-monster", `littlemonster://video/${ID}`]);
    expect(first).toBe(true);
    expect(links).toEqual([{ kind: "video", id: ID }]);
  });

  it("forwards a link from a second instance's argv and focuses the window", () => {
    const { app, links, calls } = start(true);
    app.emit("second-instance", {}, [
      "little-monster",
      "--no-sandbox",
      "littlemonster://verify-email?token=abcdefghij0123456789",
    ]);
    expect(links).toEqual([{ kind: "verify-email", token: "abcdefghij0123456789" }]);
    expect(calls.focus).toBe(1);
  });

  it("focuses but forwards nothing for a malicious link", () => {
    const { app, links, calls } = start(true);
    app.emit("second-instance", {}, ["little-monster", "littlemonster://video/../x"]);
    expect(links).toEqual([]);
    expect(calls.focus).toBe(1);
  });

  it("handles macOS open-url events with the same parser", () => {
    const { app, links, logs } = start(true);
    let prevented = false;
    app.emit("open-url", { preventDefault: () => (prevented = true) }, `littlemonster://video/${ID}`);
    app.emit("open-url", { preventDefault: () => {} }, "littlemonster://video/%2e%2e/x");
    expect(prevented).toBe(true);
    expect(links).toEqual([{ kind: "video", id: ID }]);
    expect(logs).toHaveLength(1);
  });
});

describe("createDeepLinkDispatcher", () => {
  it("holds links until the page is ready, then delivers them in order", () => {
    const sent: DeepLink[] = [];
    const dispatcher = createDeepLinkDispatcher((l) => sent.push(l));
    const a: DeepLink = { kind: "video", id: ID };
    const b: DeepLink = { kind: "verify-email", token: "abcdefghij0123456789" };
    dispatcher.dispatch(a);
    dispatcher.dispatch(b);
    expect(sent).toEqual([]);
    dispatcher.setReady(true);
    expect(sent).toEqual([a, b]);
    dispatcher.setReady(false); // a reload starts
    dispatcher.dispatch(a);
    expect(sent).toHaveLength(2);
    dispatcher.setReady(true);
    expect(sent).toEqual([a, b, a]);
  });
});
