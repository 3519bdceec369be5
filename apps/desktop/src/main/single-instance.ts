// One app instance: a second launch (e.g. the OS opening a littlemonster:// link) hands its
// argv to the first, which forwards the link to the page and comes to the front.
import type { App } from "electron";
import type { DeepLink } from "../shared/bridge.js";
import { findDeepLink, parseDeepLink } from "../shared/deep-links.js";

export interface SingleInstanceApp extends Pick<App, "requestSingleInstanceLock" | "quit"> {
  on(event: "second-instance", listener: (event: unknown, argv: string[]) => void): unknown;
  on(event: "open-url", listener: (event: { preventDefault(): void }, url: string) => void): unknown;
}

/** Queues links until the page can receive them (cold start, reload), then delivers in order. */
export function createDeepLinkDispatcher(send: (link: DeepLink) => void) {
  let ready = false;
  const queue: DeepLink[] = [];
  return {
    dispatch(link: DeepLink): void {
      if (ready) send(link);
      else queue.push(link);
    },
    /** The page finished loading (its preload is listening). */
    setReady(value: boolean): void {
      ready = value;
      if (ready) for (const link of queue.splice(0)) send(link);
    },
    pending: (): readonly DeepLink[] => [...queue],
  };
}

export interface SingleInstanceOptions {
  argv: readonly string[];
  onDeepLink(link: DeepLink): void;
  /** Bring the existing window to the front. */
  focus(): void;
  log(msg: string): void;
}

/**
 * Returns false when another instance owns the lock: this one has then already passed its argv
 * to it (Electron does that inside requestSingleInstanceLock) and is quitting.
 */
export function setupSingleInstance(app: SingleInstanceApp, options: SingleInstanceOptions): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  const initial = findDeepLink(options.argv);
  if (initial) options.onDeepLink(initial);

  app.on("second-instance", (_event, argv) => {
    options.focus();
    const link = findDeepLink(argv);
    if (link) options.onDeepLink(link);
  });
  // macOS delivers links as open-url events instead of argv.
  app.on("open-url", (event, url) => {
    event.preventDefault();
    const link = parseDeepLink(url);
    if (link) {
      options.focus();
      options.onDeepLink(link);
    } else {
      options.log(`ignored deep link ${JSON.stringify(url.slice(0, 200))}`);
    }
  });
  return true;
}
