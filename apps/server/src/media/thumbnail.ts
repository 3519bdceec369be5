// Renders a video's thumbnail: the subject colour, the title (wrapped and sized to fit) and the subject's icon, as
// SVG turned into a PNG by resvg (no browser, no native image libraries). No subject or difficulty line: the
// feed card under the picture names both, and printing them twice was noise (issue 15). The title stays, as
// this picture is also the lesson's poster and the image a shared link shows.
import { existsSync } from "node:fs";
import type { Subject } from "@lm/core";
import { SUBJECT_COLORS } from "@lm/core";
import { Resvg } from "@resvg/resvg-js";
import { SUBJECT_ICONS } from "./icons.js";

export const THUMBNAIL_WIDTH = 640;
export const THUMBNAIL_HEIGHT = 360;

const FONT_DIR = "/usr/share/fonts/truetype/dejavu";
const FONT_FILES = [`${FONT_DIR}/DejaVuSans.ttf`, `${FONT_DIR}/DejaVuSans-Bold.ttf`].filter((f) => existsSync(f));

function escapeXml(s: string): string {
  return s.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c,
  );
}

// Advance widths of DejaVu Sans Bold for printable ASCII (space … ~), in hundredths of an em,
// measured once with resvg. Counting characters let wide titles ("The Pythagorean theorem")
// run off the right edge; widths keep every line inside the margins.
const ASCII_WIDTHS = [
  35, 46, 52, 84, 70, 100, 87, 31, 46, 46, 52, 84, 38, 42, 38, 36, 70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 40, 40, 84,
  84, 84, 58, 100, 77, 76, 73, 83, 68, 68, 82, 84, 37, 37, 78, 64, 100, 84, 85, 73, 85, 77, 68, 70, 81, 77, 110, 77, 72,
  72, 46, 36, 46, 84, 50, 50, 68, 72, 59, 72, 68, 40, 72, 71, 34, 34, 66, 34, 104, 71, 69, 72, 72, 49, 60, 48, 71, 65,
  92, 64, 65, 58, 71, 36, 71, 84,
];

/** Width of a line in ems of the bold title font; other letters count as wide, to stay on the safe side. */
export function titleWidthEm(text: string): number {
  let hundredths = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    hundredths += code >= 32 && code < 127 ? ASCII_WIDTHS[code - 32] : code === 0x2026 ? 100 : 110;
  }
  // A small margin for rounding and kerning.
  return (hundredths / 100) * 1.02;
}

/** Cuts a word to fit `max` with an ellipsis. */
function cut(word: string, max: number, measure: (s: string) => number): string {
  let w = word;
  while (w.length > 1 && measure(`${w}…`) > max) w = w.slice(0, -1);
  return `${w}…`;
}

/**
 * Greedy word wrap into lines no wider than `max`, as measured by `measure` (character count
 * by default). Over `maxLines`, the last kept line ends with an ellipsis.
 */
export function wrapTitle(
  title: string,
  max: number,
  maxLines: number,
  measure: (s: string) => number = (s) => s.length,
): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of title.trim().split(/\s+/)) {
    const w = measure(word) > max ? cut(word, max, measure) : word;
    if (!line) line = w;
    else if (measure(`${line} ${w}`) <= max) line += ` ${w}`;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    const last = kept[maxLines - 1];
    kept[maxLines - 1] = measure(`${last}…`) > max ? cut(last, max, measure) : `${last}…`;
    return kept;
  }
  return lines;
}

const TITLE_LEFT = 40;
const TITLE_MAX_WIDTH = THUMBNAIL_WIDTH - 2 * TITLE_LEFT;
// Largest first: the first size at which the whole title fits wins; the last one truncates.
const TITLE_SIZES = [
  { fontSize: 40, maxLines: 3 },
  { fontSize: 34, maxLines: 4 },
  { fontSize: 30, maxLines: 4 },
];

/** The title's lines and font size: as big as fits, wrapped by width, never past the margins. */
export function layoutTitle(title: string): { lines: string[]; fontSize: number } {
  for (const { fontSize, maxLines } of TITLE_SIZES) {
    const lines = wrapTitle(title, TITLE_MAX_WIDTH, Number.POSITIVE_INFINITY, (s) => titleWidthEm(s) * fontSize);
    if (lines.length <= maxLines) return { lines, fontSize };
  }
  const { fontSize, maxLines } = TITLE_SIZES[TITLE_SIZES.length - 1];
  return { lines: wrapTitle(title, TITLE_MAX_WIDTH, maxLines, (s) => titleWidthEm(s) * fontSize), fontSize };
}

export function thumbnailSvg(opts: { title: string; subject: Subject }): string {
  const color = SUBJECT_COLORS[opts.subject] ?? SUBJECT_COLORS.OTHER;
  const { lines, fontSize } = layoutTitle(opts.title || "Untitled lesson");
  const lineHeight = fontSize * 1.2;
  // Centred in the space under the icon (which ends at y=112).
  const top = 236 - ((lines.length - 1) * lineHeight) / 2;
  const text = lines
    .map((l, i) => `<tspan x="${TITLE_LEFT}" y="${(top + i * lineHeight).toFixed(1)}">${escapeXml(l)}</tspan>`)
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${THUMBNAIL_WIDTH}" height="${THUMBNAIL_HEIGHT}" viewBox="0 0 640 360">
  <rect width="640" height="360" fill="${color}"/>
  <!-- Flat shapes, no gradients: PNG compresses flat colour ~3x better, and feed cards load faster. -->
  <circle cx="580" cy="60" r="120" fill="#ffffff" opacity="0.08"/>
  <g transform="translate(40 32)">
    <rect width="80" height="80" rx="20" fill="#ffffff" opacity="0.18"/>
    <g transform="translate(8 8)" fill="none" stroke="#ffffff" stroke-width="4" stroke-linecap="round" stroke-linejoin="round">${SUBJECT_ICONS[opts.subject] ?? SUBJECT_ICONS.OTHER}</g>
  </g>
  <text font-family="DejaVu Sans, sans-serif" font-weight="bold" font-size="${fontSize}" fill="#ffffff">${text}</text>
</svg>`;
}

export async function renderThumbnail(opts: { title: string; subject: Subject }): Promise<Buffer> {
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
