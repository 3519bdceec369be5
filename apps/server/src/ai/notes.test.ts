// Reading notes the way students write them: title lines, headings of every sort, bullet lists, wrapped
// lines and blank-line blocks become sections of sentences, and no heading is ever content.
import { describe, expect, it } from "vitest";
import { groupSections, parseNotes } from "./notes.js";
import {
  CELL_BIOLOGY_UNIT3_NOTES,
  FRENCH_REVOLUTION_BLOCKS,
  WATER_CYCLE_BULLETS,
} from "./providers/offline/sample-notes.js";

const texts = (notes: string) => parseNotes(notes).sentences.map((s) => s.text);

describe("parseNotes", () => {
  it("reads the issue's notes as a title and five headed sections", () => {
    const parsed = parseNotes(CELL_BIOLOGY_UNIT3_NOTES);
    expect(parsed.title).toBe("Cell biology – Unit 3 notes (Mr. Okafor, Bio 101)");
    expect(parsed.sections.map((s) => s.heading)).toEqual([
      "Cell theory",
      "Prokaryotic and eukaryotic cells",
      "Organelles",
      "Membranes and transport",
      "Surface area and cell size",
    ]);
    const all = texts(CELL_BIOLOGY_UNIT3_NOTES);
    expect(all.some((s) => /Unit 3 notes/.test(s))).toBe(false);
    // Abbreviations, ranges and decimals stay inside their sentences.
    expect(all).toContain("Later Dr. Theodor Schwann showed that animals are made of cells too.");
    expect(all).toContain(
      "Most cells are tiny: a typical animal cell is 10–100 micrometres across, so we need a light microscope to see one.",
    );
    expect(all).toContain("Mr. Okafor says to give ratios to two decimal places, e.g. 3.14 and not 3.1.");
    // The ':' heading's bullet list is one section of five-plus items.
    expect(parsed.sections[2].sentences.map((s) => s.text)).toContain("Ribosomes build proteins from amino acids.");
  });

  it.each([
    [
      "a markdown heading",
      "# Photosynthesis\nPlants make glucose from light and water in their leaves.",
      "Photosynthesis",
    ],
    ["a line ending in ':'", "Stages of mitosis:\nProphase comes first and chromosomes condense.", "Stages of mitosis"],
    [
      "a short unpunctuated line",
      "The Krebs cycle\nThe Krebs cycle runs in the mitochondrial matrix.",
      "The Krebs cycle",
    ],
    [
      "a Title Case line with a full stop",
      "The Electron Transport Chain.\nIt sits in the inner membrane of mitochondria.",
      "The Electron Transport Chain",
    ],
    [
      "a setext heading",
      "Glycolysis\n==========\nGlycolysis splits glucose into two pyruvate molecules.",
      "Glycolysis",
    ],
    ["a bold line", "**Osmosis**\nOsmosis is the diffusion of water across a membrane.", "Osmosis"],
  ])("treats %s as a heading, never as content", (_name, notes, heading) => {
    const parsed = parseNotes(notes);
    expect(parsed.headings).toContain(heading);
    expect(parsed.sentences.map((s) => s.text).join(" ")).not.toContain(heading.replace(/^The /, "The ") + ".");
    expect(parsed.sentences).toHaveLength(1);
  });

  it("keeps a first line that says something as content", () => {
    const notes = "Mitosis is the division of one nucleus into two identical nuclei.\nIt has four phases.";
    expect(parseNotes(notes).title).toBeNull();
    expect(texts(notes)[0]).toMatch(/^Mitosis is the division/);
  });

  it("reads bullet lists as one item a sentence, with a full stop added", () => {
    const parsed = parseNotes(WATER_CYCLE_BULLETS);
    expect(parsed.headings).toEqual(["The water cycle", "Key processes", "Why it matters"]);
    expect(parsed.sections).toHaveLength(2);
    expect(parsed.sections[0].sentences.map((s) => s.text)).toEqual([
      "Evaporation: the sun heats water in oceans, lakes and rivers and it turns into water vapour.",
      "Transpiration is water vapour released from the leaves of plants.",
      "Condensation: water vapour cools as it rises and forms tiny droplets that make clouds.",
      "Precipitation happens when droplets in clouds join together and fall as rain, snow, sleet or hail.",
      "Collection: water gathers in oceans, lakes, rivers and underground as groundwater.",
    ]);
    // "*" and "1)" bullets under the second heading belong to it.
    expect(parsed.sections[1].sentences.map((s) => s.text)).toContain("Most evaporation happens over the oceans.");
  });

  it("joins hard-wrapped lines and continues an indented bullet", () => {
    const notes =
      "Cells\nThe cell membrane controls what enters and\nleaves the cell by diffusion and osmosis.\n- Ribosomes build proteins from\n  amino acids in the cytoplasm";
    expect(texts(notes)).toEqual([
      "The cell membrane controls what enters and leaves the cell by diffusion and osmosis.",
      "Ribosomes build proteins from amino acids in the cytoplasm.",
    ]);
  });

  it("splits notes without headings into sections at blank lines", () => {
    const parsed = parseNotes(FRENCH_REVOLUTION_BLOCKS);
    expect(parsed.sections).toHaveLength(5);
    expect(parsed.sections.every((s) => s.heading === null)).toBe(true);
    expect(parsed.sections[4].sentences[0].text).toMatch(/^The monarchy was abolished/);
  });
});

describe("groupSections", () => {
  const section = (words: number) => ({ heading: null, sentences: [], words });

  it("keeps every section apart when there is room", () => {
    expect(groupSections([section(10), section(20), section(30)], 4)).toEqual([[0], [1], [2]]);
  });

  it("merges neighbours into at most the given number of groups, in order, covering every section", () => {
    const sections = Array.from({ length: 25 }, (_, i) => section(10 + (i % 4) * 20));
    const groups = groupSections(sections, 6);
    expect(groups.length).toBeLessThanOrEqual(6);
    expect(groups.length).toBeGreaterThanOrEqual(5);
    expect(groups.flat()).toEqual(sections.map((_, i) => i));
    expect(groups.every((g) => g.length > 0)).toBe(true);
  });
});
