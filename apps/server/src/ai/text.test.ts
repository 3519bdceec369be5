// Text helpers the quality checks lean on: stems meet across inflections, and truncation keeps words whole.
import { describe, expect, it } from "vitest";
import { contentStems, lowerFirstUnlessName, splitSentences, stem, truncateWords } from "./text.js";

describe("stem", () => {
  it.each([
    ["causes", "cause"],
    ["cells", "cell"],
    ["studies", "study"],
    ["making", "make"],
    ["processes", "process"],
    ["Revolution", "revolutions"],
  ])("%s and %s share a stem", (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });

  it("keeps different words apart", () => {
    expect(stem("cell")).not.toBe(stem("cause"));
  });
});

describe("contentStems", () => {
  it("drops stopwords, numbers and short words", () => {
    expect(contentStems("The 3 causes of the French Revolution")).toEqual(["caus", "french", "revolut"]);
  });
});

describe("truncateWords", () => {
  it("cuts at a word boundary", () => {
    expect(truncateWords("photosynthesis makes glucose from light", 25)).toBe("photosynthesis makes");
    expect(truncateWords("short", 25)).toBe("short");
  });
});

describe("splitSentences", () => {
  it.each([
    ["titles: Mr., Dr., Prof.", "Mr. Okafor teaches biology. Dr. Schwann and Prof. Hooke studied cells.", 2],
    ["e.g. and i.e.", "Prokaryotes, e.g. bacteria, have no nucleus. They are small, i.e. under 10 µm.", 2],
    ["vs. and cf.", "Mitosis vs. meiosis is a classic question, cf. chapter 4. Both divide nuclei.", 2],
    ["initials", "Harry Potter was written by J. K. Rowling in Edinburgh. It sold well.", 2],
    ["decimals", "Pi is about 3.14 and e is about 2.72 in value. Both are irrational.", 2],
    ["ranges with an en dash and a hyphen", "A typical cell is 10–100 µm across. Bacteria are 1-10 µm long.", 2],
    [
      "etc. mid-sentence",
      "Cells contain ribosomes, mitochondria etc. in their cytoplasm. Plants also have chloroplasts.",
      2,
    ],
    ["etc. ending a sentence", "We met ribosomes, mitochondria, etc. Then we met chloroplasts.", 2],
    ["a single letter ending a sentence", "Carrots are rich in vitamin A. The liver stores it.", 2],
    ["numbered references", "See No. 5 on p. 12 for the diagram. It shows a cell.", 2],
  ])("keeps %s inside their sentence", (_name, text, count) => {
    const out = splitSentences(text);
    expect(out).toHaveLength(count);
    expect(out.join(" ")).toBe(text);
  });

  it("never cuts at Mr. or inside 10–100 µm, and keeps list items apart", () => {
    const out = splitSentences(
      "Mr. Okafor says a typical animal cell is 10–100 µm across, e.g. a cheek cell.\n- nucleus holds the DNA\n- ribosomes build proteins\n1) mitochondria release energy. They use glucose.",
    );
    expect(out).toEqual([
      "Mr. Okafor says a typical animal cell is 10–100 µm across, e.g. a cheek cell.",
      "nucleus holds the DNA",
      "ribosomes build proteins",
      "mitochondria release energy.",
      "They use glucose.",
    ]);
  });

  it("splits at question and exclamation marks and after closing quotes", () => {
    expect(splitSentences('Why do cells divide? To grow! He said "stop." Then he left.')).toEqual([
      "Why do cells divide?",
      "To grow!",
      'He said "stop."',
      "Then he left.",
    ]);
  });
});

describe("lowerFirstUnlessName", () => {
  it("lower-cases a common word and keeps a name the text capitalises mid-sentence", () => {
    const corpus = "Organelles are parts of a cell. The Krebs cycle runs in the matrix.";
    expect(lowerFirstUnlessName("Organelles and membranes", corpus)).toBe("organelles and membranes");
    expect(lowerFirstUnlessName("Krebs cycle", corpus)).toBe("Krebs cycle");
    expect(lowerFirstUnlessName("DNA replication", corpus)).toBe("DNA replication");
    expect(lowerFirstUnlessName("The French Revolution", corpus)).toBe("the French Revolution");
    expect(lowerFirstUnlessName("Napoleon Bonaparte", corpus)).toBe("Napoleon Bonaparte");
  });
});
