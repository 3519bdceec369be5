// The video's frames, 1280×720: a title card, one slide per key point whose sentences appear as
// they are spoken, and a recap; in the lesson's subject colour and the shipped font.
import type { Difficulty, Subject } from "@lm/core";
import { readableTextColor, SUBJECT_COLORS, SUBJECT_LABELS } from "@lm/core";
import { createCanvas, loadImage, type SKRSContext2D } from "@napi-rs/canvas";
import { Resvg } from "@resvg/resvg-js";
import { SUBJECT_ICONS } from "../../icons.js";
import { FONT_FAMILY, printable, registerFonts } from "./fonts.js";

export const WIDTH = 1280;
export const HEIGHT = 720;

const INK = "#0F172A";
const BODY = "#1E293B";
const MUTED = "#475569";
const PAPER = "#F8FAFC";
const DIFFICULTY: Record<Difficulty, string> = {
  BEGINNER: "Beginner",
  INTERMEDIATE: "Intermediate",
  ADVANCED: "Advanced",
};

interface Common {
  title: string;
  subject: Subject;
}
export type Scene =
  | (Common & { kind: "title"; difficulty: Difficulty; points: number })
  | (Common & { kind: "point"; index: number; total: number; heading: string; bullets: string[]; shown: number })
  | (Common & { kind: "recap"; keyPoints: string[] });

const font = (weight: 400 | 700, px: number) => `${weight} ${px}px "${FONT_FAMILY}"`;

/** Greedy wrap by measured width; a word wider than a line is broken; past maxLines the last line gets "…". */
export function wrap(g: SKRSContext2D, text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  // A slide shows at most a few lines: a longer text (or a 5,000-character "word") is cut first,
  // so the measuring below stays bounded whatever a lesson holds.
  const words = printable(text)
    .slice(0, 80 * maxLines)
    .split(/\s+/)
    .filter(Boolean);
  for (let w of words) {
    while (w.length > 1 && g.measureText(w).width > width) {
      // The longest prefix that fits, by bisection.
      let lo = 1;
      let hi = w.length - 1;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (g.measureText(w.slice(0, mid)).width <= width) lo = mid;
        else hi = mid - 1;
      }
      if (line) lines.push(line);
      lines.push(w.slice(0, lo));
      line = "";
      w = w.slice(lo);
    }
    const next = line ? `${line} ${w}` : w;
    if (line && g.measureText(next).width > width) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1];
  while (last.length > 1 && g.measureText(`${last}…`).width > width) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last.replace(/[\s,;:.–-]+$/, "")}…`;
  return kept;
}

function drawLines(g: SKRSContext2D, lines: string[], x: number, top: number, lineHeight: number): number {
  for (const [i, l] of lines.entries()) g.fillText(l, x, top + i * lineHeight);
  return top + lines.length * lineHeight;
}

const iconCache = new Map<string, Buffer>();
/** The subject's line icon (the thumbnail's), rasterised once per colour; it has no text, so no font. */
function iconPng(subject: Subject, stroke: string): Buffer {
  const key = `${subject}:${stroke}`;
  let png = iconCache.get(key);
  if (!png) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><g fill="none" stroke="${stroke}" stroke-width="4" stroke-linecap="round" stroke-linejoin="round">${SUBJECT_ICONS[subject] ?? SUBJECT_ICONS.OTHER}</g></svg>`;
    png = new Resvg(svg, { fitTo: { mode: "width", value: 96 } }).render().asPng();
    iconCache.set(key, png);
  }
  return png;
}

async function drawTitle(g: SKRSContext2D, s: Extract<Scene, { kind: "title" }>) {
  const color = SUBJECT_COLORS[s.subject] ?? SUBJECT_COLORS.OTHER;
  const text = readableTextColor(color);
  g.fillStyle = color;
  g.fillRect(0, 0, WIDTH, HEIGHT);
  g.globalAlpha = 0.1;
  g.fillStyle = "#ffffff";
  g.beginPath();
  g.arc(1150, 110, 250, 0, Math.PI * 2);
  g.fill();
  g.globalAlpha = 0.22;
  g.fillStyle = "#0f172a";
  g.fillRect(0, 600, WIDTH, 120);
  g.globalAlpha = 0.2;
  g.fillStyle = "#ffffff";
  g.beginPath();
  g.roundRect(80, 70, 120, 120, 28);
  g.fill();
  g.globalAlpha = 1;
  g.drawImage(await loadImage(iconPng(s.subject, text)), 92, 82, 96, 96);
  g.fillStyle = text;
  let size = 72;
  g.font = font(700, size);
  let lines = wrap(g, s.title, 1100, 4);
  if (lines.length > 2) {
    size = 58;
    g.font = font(700, size);
    lines = wrap(g, s.title, 1100, 4);
  }
  const lineHeight = size * 1.2;
  drawLines(g, lines, 80, 390 - ((lines.length - 1) * lineHeight) / 2, lineHeight);
  g.font = font(400, 30);
  const points = `${s.points} key point${s.points === 1 ? "" : "s"}`;
  g.fillText(`${SUBJECT_LABELS[s.subject]}  ·  ${DIFFICULTY[s.difficulty]}  ·  ${points}`, 80, 670);
}

// A key point's slide is drawn once per build-up step with the same bullets: wrap each text once.
const wrapped = new Map<string, string[]>();
function wrapOnce(g: SKRSContext2D, text: string, width: number, maxLines: number): string[] {
  const key = `${g.font}|${width}|${maxLines}|${text}`;
  let lines = wrapped.get(key);
  if (!lines) {
    if (wrapped.size > 500) wrapped.clear(); // a render's worth; bounded across many renders
    lines = wrap(g, text, width, maxLines);
    wrapped.set(key, lines);
  }
  return lines;
}

function drawPoint(g: SKRSContext2D, s: Extract<Scene, { kind: "point" }>) {
  const color = SUBJECT_COLORS[s.subject] ?? SUBJECT_COLORS.OTHER;
  g.fillStyle = PAPER;
  g.fillRect(0, 0, WIDTH, HEIGHT);
  g.fillStyle = color;
  g.fillRect(0, 0, 18, HEIGHT);
  g.fillStyle = MUTED;
  g.font = font(700, 24);
  g.fillText(`KEY POINT ${s.index + 1} OF ${s.total}`, 80, 80);
  g.fillStyle = INK;
  g.font = font(700, 46);
  const headingBottom = drawLines(g, wrap(g, s.heading, 1100, 3), 80, 148, 58);
  // Sentences build up as they are spoken; when they no longer fit, the oldest give way.
  g.font = font(400, 30);
  const blocks = s.bullets.slice(0, s.shown).map((b) => wrapOnce(g, b, 1060, 3));
  const top = headingBottom + 30;
  const bottom = 630;
  let first = 0;
  const height = (from: number) => blocks.slice(from).reduce((h, b) => h + b.length * 42 + 18, 0);
  while (first < blocks.length - 1 && top + height(first) > bottom) first++;
  let y = top;
  for (const block of blocks.slice(first)) {
    g.fillStyle = color;
    g.beginPath();
    g.arc(92, y - 10, 7, 0, Math.PI * 2);
    g.fill();
    g.fillStyle = BODY;
    y = drawLines(g, block, 120, y, 42) + 18;
  }
  // Footer: the lesson's title and how far along the key points we are.
  g.fillStyle = MUTED;
  g.font = font(400, 22);
  g.fillText(wrap(g, s.title, 900, 1)[0] ?? "", 80, 670);
  g.fillStyle = "#E2E8F0";
  g.fillRect(80, 690, 1120, 8);
  g.fillStyle = color;
  g.fillRect(80, 690, Math.round((1120 * (s.index + 1)) / s.total), 8);
}

function drawRecap(g: SKRSContext2D, s: Extract<Scene, { kind: "recap" }>) {
  const color = SUBJECT_COLORS[s.subject] ?? SUBJECT_COLORS.OTHER;
  const text = readableTextColor(color);
  g.fillStyle = color;
  g.fillRect(0, 0, WIDTH, HEIGHT);
  g.fillStyle = text;
  g.font = font(700, 26);
  g.fillText("RECAP", 80, 80);
  g.font = font(700, 40);
  const titleBottom = drawLines(g, wrap(g, s.title, 1100, 2), 80, 140, 48);
  // Shrink the list until every key point fits (at most 8 points, at most 2 lines each).
  for (const size of [30, 26, 22, 19]) {
    g.font = font(400, size);
    const lineHeight = Math.round(size * 1.3);
    const blocks = s.keyPoints.map((p) => wrap(g, p, 1040, 2));
    const total = blocks.reduce((h, b) => h + b.length * lineHeight + 14, 0);
    if (titleBottom + 30 + total > 690 && size > 19) continue;
    let y = titleBottom + 30 + size;
    for (const block of blocks) {
      // A drawn tick: Inter's subsets have no ✓.
      g.strokeStyle = text;
      g.lineWidth = 4;
      g.beginPath();
      g.moveTo(84, y - size * 0.35);
      g.lineTo(94, y - size * 0.1);
      g.lineTo(112, y - size * 0.7);
      g.stroke();
      y = drawLines(g, block, 132, y, lineHeight) + 14;
    }
    break;
  }
}

/** One frame as PNG (encoded off the main thread, so a render does not stall the API's requests). */
export async function drawScene(scene: Scene): Promise<Buffer> {
  registerFonts();
  const canvas = createCanvas(WIDTH, HEIGHT);
  const g = canvas.getContext("2d");
  g.textBaseline = "alphabetic";
  if (scene.kind === "title") await drawTitle(g, scene);
  else if (scene.kind === "point") drawPoint(g, scene);
  else drawRecap(g, scene);
  return canvas.encode("png");
}
