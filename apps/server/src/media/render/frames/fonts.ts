// The slides' typeface, shipped in node_modules by npm (@fontsource/inter, SIL Open Font License
// 1.1), so every machine renders identical frames whatever fonts its system has.
import { createRequire } from "node:module";
import { GlobalFonts } from "@napi-rs/canvas";

/** A family name of our own, so a system-installed Inter of another version is never picked instead. */
export const FONT_FAMILY = "LM Inter";

// Inter's Unicode subsets: Latin with accents, Greek (α, β, Δ for science), Cyrillic.
const SUBSETS = ["latin", "latin-ext", "greek", "cyrillic"];
const WEIGHTS = [400, 700];

let registered = false;

export function registerFonts(): void {
  if (registered) return;
  const require = createRequire(import.meta.url);
  for (const subset of SUBSETS) {
    for (const weight of WEIGHTS) {
      const file = require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff2`);
      if (!GlobalFonts.registerFromPath(file, FONT_FAMILY)) throw new Error(`could not load the font ${file}`);
    }
  }
  registered = true;
}

/** Symbols Inter's subsets lack, spelled with ones it has, so no glyph falls back to a system font. */
const REPLACEMENTS: Array<[RegExp, string]> = [
  [/→|⟶/g, "->"],
  [/←/g, "<-"],
  [/↔|⇌/g, "<->"],
  [/⇒/g, "=>"],
  [/≤/g, "<="],
  [/≥/g, ">="],
  [/≠/g, "!="],
  [/≈/g, "~"],
  [/√/g, "sqrt"],
  [/∞/g, "infinity"],
];

export function printable(text: string): string {
  let out = text;
  for (const [pattern, replacement] of REPLACEMENTS) out = out.replace(pattern, replacement);
  return out;
}
