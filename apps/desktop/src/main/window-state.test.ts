// Window bounds remembered in a real JSON file, and a fake window emitting move/resize/close.
import { EventEmitter } from "node:events";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Rectangle } from "electron";
import {
  DEFAULT_STATE,
  loadWindowState,
  saveWindowState,
  type TrackedWindow,
  trackWindowState,
  type WindowState,
} from "./window-state.js";

const SCREEN: Rectangle[] = [{ x: 0, y: 0, width: 1920, height: 1080 }];
const stateFile = () => path.join(mkdtempSync(path.join(tmpdir(), "lm-window-")), "nested", "window-state.json");

class FakeWindow extends EventEmitter implements TrackedWindow {
  bounds: Rectangle = { x: 100, y: 80, width: 1000, height: 700 };
  maximized = false;
  minimized = false;
  getNormalBounds = () => this.bounds;
  isMaximized = () => this.maximized;
  isMinimized = () => this.minimized;
  isFullScreen = () => false;
}

afterEach(() => vi.useRealTimers());

describe("window state persistence", () => {
  it("restores what was saved, maximized included", () => {
    const file = stateFile();
    const saved: WindowState = { x: 50, y: 60, width: 1280, height: 720, isMaximized: true };
    saveWindowState(file, saved);
    expect(loadWindowState(file, SCREEN)).toEqual(saved);
  });

  it("uses defaults when there is no file or it is corrupt", () => {
    const file = stateFile();
    expect(loadWindowState(file, SCREEN)).toEqual(DEFAULT_STATE);
    saveWindowState(file, DEFAULT_STATE);
    writeFileSync(file, "{garbage");
    expect(loadWindowState(file, SCREEN)).toEqual(DEFAULT_STATE);
  });

  it("drops a position on a monitor that is gone but keeps the size", () => {
    const file = stateFile();
    saveWindowState(file, { x: 3000, y: 100, width: 1000, height: 700, isMaximized: false });
    expect(loadWindowState(file, SCREEN)).toEqual({ width: 1000, height: 700, isMaximized: false });
  });

  it("rejects absurd sizes", () => {
    const file = stateFile();
    saveWindowState(file, { x: 0, y: 0, width: 10, height: -5, isMaximized: false });
    expect(loadWindowState(file, SCREEN)).toMatchObject({ width: DEFAULT_STATE.width, height: DEFAULT_STATE.height });
  });

  it("saves after moves (debounced) and on close", () => {
    vi.useFakeTimers();
    const file = stateFile();
    const win = new FakeWindow();
    trackWindowState(win, (s) => saveWindowState(file, s), 500);
    win.emit("move");
    win.bounds = { x: 200, y: 150, width: 900, height: 650 };
    win.emit("resize");
    expect(loadWindowState(file, SCREEN)).toEqual(DEFAULT_STATE); // nothing written yet
    vi.advanceTimersByTime(500);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({
      x: 200,
      y: 150,
      width: 900,
      height: 650,
      isMaximized: false,
    });
    win.maximized = true;
    win.emit("close");
    expect(loadWindowState(file, SCREEN)).toEqual({ x: 200, y: 150, width: 900, height: 650, isMaximized: true });
  });

  it("does not save a minimized window's bounds", () => {
    const saves: WindowState[] = [];
    const win = new FakeWindow();
    trackWindowState(win, (s) => saves.push(s));
    win.minimized = true;
    win.emit("close");
    expect(saves).toEqual([]);
  });
});
