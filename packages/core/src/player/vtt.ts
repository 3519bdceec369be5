// A small WebVTT reader for players that cannot load a captions track themselves (expo-video plays
// only captions embedded in the file): cue times and plain text, markup and settings dropped.

import type { Caption } from "./timing.js";

const TIME = /^(?:(\d+):)?(\d{1,2}):(\d{2})\.(\d{3})$/;

function seconds(stamp: string): number | null {
  const m = TIME.exec(stamp.trim());
  if (!m) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000;
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&nbsp;": " ", "&quot;": '"' };

/** The cues of a WebVTT file in order; blocks that are not cues (NOTE, STYLE, bad times) are skipped. */
export function parseWebVtt(text: string): Caption[] {
  const cues: Caption[] = [];
  for (const block of text.replace(/\r\n?/g, "\n").split(/\n{2,}/)) {
    const lines = block.split("\n");
    const at = lines.findIndex((l) => l.includes("-->"));
    if (at < 0) continue;
    const [from, rest = ""] = lines[at].split("-->");
    const start = seconds(from);
    const end = seconds(rest.trim().split(/\s+/)[0] ?? "");
    if (start === null || end === null || end <= start) continue;
    const body = lines
      .slice(at + 1)
      .join(" ")
      .replace(/<[^>]*>/g, "")
      .replace(/&(amp|lt|gt|nbsp|quot);/g, (e) => ENTITIES[e])
      .trim();
    cues.push({ index: cues.length, text: body, start, end });
  }
  return cues;
}

/** The cue on screen at second t: one whose [start, end) holds t, else none (a gap between cues). */
export function cueAt(cues: readonly Caption[], t: number): Caption | undefined {
  return cues.find((c) => c.start <= t && t < c.end);
}
