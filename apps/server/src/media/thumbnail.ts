// Renders a video's thumbnail: the subject colour, the wrapped title, the subject's icon and a
// footer line, as SVG turned into a PNG by resvg (no browser, no native image libraries).
import { existsSync } from "node:fs";
import type { Difficulty, Subject } from "@lm/core";
import { SUBJECT_COLORS, SUBJECT_LABELS } from "@lm/core";
import { Resvg } from "@resvg/resvg-js";
import { SUBJECT_ICONS } from "./icons.js";

export const THUMBNAIL_WIDTH = 640;
export const THUMBNAIL_HEIGHT = 360;

const FONT_DIR = "/usr/share/fonts/truetype/dejavu";
const FONT_FILES = [`${FONT_DIR}/DejaVuSans.ttf`, `${FONT_DIR}/DejaVuSans-Bold.ttf`].filter((f) => existsSync(f));

const DIFFICULTY_LABELS: Record<Difficulty, string> = {
  BEGINNER: "Beginner",
  INTERMEDIATE: "Intermediate",
  ADVANCED: "Advanced",
};

function escapeXml(s: string): string {
  return s.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c,
  );
}

/** Greedy word wrap by character count: good enough for a bold sans at a known size. */
export function wrapTitle(title: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of title.trim().split(/\s+/)) {
    const w = word.length > maxChars ? `${word.slice(0, maxChars - 1)}…` : word;
    if (!line) line = w;
    else if (line.length + 1 + w.length <= maxChars) line += ` ${w}`;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    const last = kept[maxLines - 1];
    kept[maxLines - 1] = `${last.length > maxChars - 1 ? last.slice(0, maxChars - 1) : last}…`;
    return kept;
  }
  return lines;
}

export function thumbnailSvg(opts: { title: string; subject: Subject; difficulty: Difficulty }): string {
  const color = SUBJECT_COLORS[opts.subject] ?? SUBJECT_COLORS.OTHER;
  const lines = wrapTitle(opts.title || "Untitled lesson", 24, 4);
  const fontSize = lines.length > 3 ? 34 : 40;
  const lineHeight = fontSize * 1.2;
  const top = 210 - ((lines.length - 1) * lineHeight) / 2;
  const text = lines
    .map((l, i) => `<tspan x="40" y="${(top + i * lineHeight).toFixed(1)}">${escapeXml(l)}</tspan>`)
    .join("");
  const footer = `${SUBJECT_LABELS[opts.subject]} · ${DIFFICULTY_LABELS[opts.difficulty]}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${THUMBNAIL_WIDTH}" height="${THUMBNAIL_HEIGHT}" viewBox="0 0 640 360">
  <rect width="640" height="360" fill="${color}"/>
  <!-- Flat shapes, no gradients: PNG compresses flat colour ~3x better, and feed cards load faster. -->
  <rect y="290" width="640" height="70" fill="#0f172a" opacity="0.28"/>
  <circle cx="580" cy="60" r="120" fill="#ffffff" opacity="0.08"/>
  <g transform="translate(40 32)">
    <rect width="80" height="80" rx="20" fill="#ffffff" opacity="0.18"/>
    <g transform="translate(8 8)" fill="none" stroke="#ffffff" stroke-width="4" stroke-linecap="round" stroke-linejoin="round">${SUBJECT_ICONS[opts.subject] ?? SUBJECT_ICONS.OTHER}</g>
  </g>
  <text font-family="DejaVu Sans, sans-serif" font-weight="bold" font-size="${fontSize}" fill="#ffffff">${text}</text>
  <text x="40" y="334" font-family="DejaVu Sans, sans-serif" font-size="20" fill="#ffffff" opacity="0.85">${escapeXml(footer)}</text>
</svg>`;
}

export async function renderThumbnail(opts: {
  title: string;
  subject: Subject;
  difficulty: Difficulty;
}): Promise<Buffer> {
  const resvg = new Resvg(thumbnailSvg(opts), {
    fitTo: { mode: "original" },
    // Without DejaVu, fall back to whatever the system has rather than rendering no text at all.
    font:
      FONT_FILES.length > 0
        ? { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" }
        : { loadSystemFonts: true },
  });
  return resvg.render().asPng();
}
