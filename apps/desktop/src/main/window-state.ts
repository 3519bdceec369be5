// Window bounds and maximized state, remembered in a JSON file between launches. A saved
// position that no longer lies on any display (monitor unplugged) is dropped, keeping the size.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BrowserWindow, Rectangle } from "electron";

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  isMaximized: boolean;
}

export const DEFAULT_STATE: WindowState = { width: 1200, height: 800, isMaximized: false };

const int = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);

function overlaps(a: Rectangle, b: Rectangle): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Reads the file; anything missing, corrupt or off-screen falls back to defaults. */
export function loadWindowState(file: string, workAreas: readonly Rectangle[]): WindowState {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
    if (typeof data !== "object" || data === null) return { ...DEFAULT_STATE };
  } catch {
    return { ...DEFAULT_STATE };
  }
  const width = int(data.width) && data.width >= 400 ? Math.min(data.width, 10_000) : DEFAULT_STATE.width;
  const height = int(data.height) && data.height >= 300 ? Math.min(data.height, 10_000) : DEFAULT_STATE.height;
  const state: WindowState = { width, height, isMaximized: data.isMaximized === true };
  if (int(data.x) && int(data.y)) {
    const bounds = { x: data.x, y: data.y, width, height };
    if (workAreas.some((area) => overlaps(bounds, area))) Object.assign(state, { x: data.x, y: data.y });
  }
  return state;
}

/** Written atomically (temp file + rename) so a crash mid-write cannot leave half a file. */
export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, file);
}

export interface TrackedWindow
  extends Pick<BrowserWindow, "getNormalBounds" | "isMaximized" | "isMinimized" | "isFullScreen"> {
  on(event: "resize" | "move" | "maximize" | "unmaximize" | "close", listener: () => void): unknown;
}

/**
 * Saves on close and, debounced, after moves and resizes. Normal bounds are stored even when
 * maximized, so un-maximizing next time restores the size the user chose.
 */
export function trackWindowState(win: TrackedWindow, save: (state: WindowState) => void, debounceMs = 500) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const snapshot = (): WindowState => {
    const b = win.getNormalBounds();
    return { x: b.x, y: b.y, width: b.width, height: b.height, isMaximized: win.isMaximized() };
  };
  const saveNow = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!win.isMinimized() && !win.isFullScreen()) save(snapshot());
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(saveNow, debounceMs);
  };
  for (const name of ["resize", "move", "maximize", "unmaximize"] as const) win.on(name, later);
  win.on("close", saveNow);
  return { flush: saveNow };
}
