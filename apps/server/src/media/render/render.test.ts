// The renderer's pure parts: WAV reading, sentences, narration segments, the timeline, WebVTT,
// Range parsing and moving quiz links onto the video's clock.
import { describe, expect, it } from "vitest";
import { anchorPoints, narrationSegments, segmentText } from "./narration.js";
import { parseRange } from "./range.js";
import { retimeQuiz, retimeSecond } from "./retime.js";
import { splitSentences } from "./sentences.js";
import { chunkText } from "./speech.js";
import { buildTimeline, cueTexts } from "./timeline.js";
import { toWebVtt, vttTime } from "./vtt.js";
import { encodeWav, joinWithSilence, parseWav } from "./wav.js";

describe("parseWav", () => {
  const pcm = { sampleRate: 22_050, samples: Int16Array.from([0, 1000, -1000, 32767, -32768]) };

  it("reads what encodeWav writes", () => {
    expect(parseWav(encodeWav(pcm))).toEqual(pcm);
  });

  it("reads a streamed WAV whose sizes are placeholders (espeak-ng --stdout), up to the end of the bytes", () => {
    const wav = encodeWav(pcm);
    wav.writeUInt32LE(0x7ffff024, 4);
    wav.writeUInt32LE(0x7ffff000, 40);
    expect(parseWav(wav)?.samples).toEqual(pcm.samples);
  });

  it("skips other chunks (odd-sized ones are padded) and mixes stereo down to mono", () => {
    const fmt = Buffer.alloc(24);
    fmt.write("fmt ", 0, "ascii");
    fmt.writeUInt32LE(16, 4);
    fmt.writeUInt16LE(1, 8);
    fmt.writeUInt16LE(2, 10);
    fmt.writeUInt32LE(8000, 12);
    fmt.writeUInt16LE(16, 22);
    const list = Buffer.concat([Buffer.from("LIST"), Buffer.from([3, 0, 0, 0]), Buffer.from("abc\0")]);
    const data = Buffer.alloc(16);
    data.write("data", 0, "ascii");
    data.writeUInt32LE(8, 4);
    data.writeInt16LE(100, 8);
    data.writeInt16LE(300, 10);
    data.writeInt16LE(-100, 12);
    data.writeInt16LE(-300, 14);
    const head = Buffer.alloc(12);
    head.write("RIFF", 0, "ascii");
    head.write("WAVE", 8, "ascii");
    expect(parseWav(Buffer.concat([head, fmt, list, data]))).toEqual({
      sampleRate: 8000,
      samples: Int16Array.from([200, -200]),
    });
  });

  it("refuses what is not 16-bit PCM WAV", () => {
    expect(parseWav(Buffer.from("<html>Server error</html>".padEnd(64)))).toBeNull();
    const float = encodeWav(pcm);
    float.writeUInt16LE(3, 20); // IEEE float
    expect(parseWav(float)).toBeNull();
  });

  it("joinWithSilence pads every clip to its slot", () => {
    const joined = joinWithSilence(
      [
        { pcm: { sampleRate: 4, samples: Int16Array.from([1, 2]) }, slotSeconds: 1 },
        { pcm: { sampleRate: 4, samples: Int16Array.from([3]) }, slotSeconds: 0.5 },
      ],
      4,
    );
    expect([...joined.samples]).toEqual([1, 2, 0, 0, 3, 0]);
  });
});

describe("splitSentences", () => {
  it("keeps abbreviations, initials, decimals and ranges inside their sentence", () => {
    expect(
      splitSentences(
        "Mr. Okafor teaches Bio 101. Cells are 10–100 µm across, e.g. in leaves. Pi is about 3.14! J. S. Bach wrote fugues. Dr. Who?",
      ),
    ).toEqual([
      "Mr. Okafor teaches Bio 101.",
      "Cells are 10–100 µm across, e.g. in leaves.",
      "Pi is about 3.14!",
      "J. S. Bach wrote fugues.",
      "Dr. Who?",
    ]);
  });

  it("keeps a final sentence without punctuation", () => {
    expect(splitSentences("One. Two")).toEqual(["One.", "Two"]);
  });
});

describe("narration segments", () => {
  const script =
    "Today we look at cells. Cells are the units of life. Every organism is made of cells. The nucleus stores DNA. " +
    "It controls the cell. Mitochondria release energy. They make ATP. To recap, cells, nuclei and mitochondria work together.";
  const lesson = {
    title: "Cells",
    script,
    scriptSummary: "A summary that is not used because the script has a recap.",
    keyPoints: ["Cells are the units of life", "The nucleus stores DNA", "Mitochondria release energy"],
  };

  it("anchors each key point at the sentence that explains it, in order", () => {
    expect(anchorPoints(lesson.keyPoints, splitSentences(script).slice(0, 7))).toEqual([1, 3, 5]);
  });

  it("an intro with the title, one segment per key point with its sentences, and the script's own recap", () => {
    const segments = narrationSegments(lesson);
    expect(segments.map((s) => s.kind)).toEqual(["intro", "point", "point", "point", "recap"]);
    expect(segmentText(segments[0])).toBe("Cells. Today we look at cells.");
    expect(segmentText(segments[2])).toBe("The nucleus stores DNA. It controls the cell.");
    expect(segmentText(segments[4])).toBe("To recap, cells, nuclei and mitochondria work together.");
    // Every sentence of the script is spoken exactly once, in order.
    expect(segments.slice(1).map(segmentText).join(" ")).toBe(script.replace("Today we look at cells. ", ""));
  });

  it("without a recap in the script, the summary becomes one; a point the script never mentions is still spoken", () => {
    const segments = narrationSegments({
      ...lesson,
      script: script.split(" To recap")[0],
      keyPoints: [...lesson.keyPoints, "Ribosomes build proteins"],
    });
    expect(segmentText(segments.at(-1)!)).toBe(`To recap: ${lesson.scriptSummary}`);
    expect(segments.filter((s) => s.kind === "point")).toHaveLength(4);
    // More points than sentences: the points without a sentence speak their own text.
    const short = narrationSegments({
      title: "T",
      script: "Only one sentence.",
      scriptSummary: null,
      keyPoints: ["A", "B"],
    });
    expect(short.map(segmentText)).toEqual(["T.", "Only one sentence.", "B.", "To recap: A. B."]);
  });
});

describe("buildTimeline", () => {
  const segments = narrationSegments({
    title: "Cells",
    script:
      "Cells are the units of life and every organism is made of them, from bacteria with a single cell to people with trillions. The nucleus stores DNA.",
    scriptSummary: "Cells and nuclei.",
    keyPoints: ["Cells are the units of life", "The nucleus stores DNA"],
  });
  const t = buildTimeline(segments, [1.2, 6.5, 1.7, 1.1], ["Cells are the units of life", "The nucleus stores DNA"]);

  it("gives each segment whole seconds (speech + at least 0.4 s), so timestamps are where voices start", () => {
    expect(t.segments.map((s) => [s.start, s.end])).toEqual([
      [0, 2],
      [2, 9],
      [9, 12],
      [12, 14],
    ]);
    expect(t.timestamps).toEqual([2, 9]);
    expect(t.duration).toBe(14);
    expect(t.chapters).toEqual([
      { start: 2, end: 9, text: "Cells are the units of life" },
      { start: 9, end: 14, text: "The nucleus stores DNA" },
    ]);
  });

  it("splits long sentences into readable cues timed inside their segment's speech", () => {
    const long = t.cues.filter((c) => c.start >= 2 && c.end <= 8.5 + 1e-9);
    expect(long.length).toBeGreaterThan(1);
    expect(long[0].start).toBe(2);
    expect(long.at(-1)!.end).toBeCloseTo(8.5);
    for (const c of t.cues) expect(c.text.length).toBeLessThanOrEqual(84);
    for (let i = 1; i < t.cues.length; i++) expect(t.cues[i].start).toBeGreaterThanOrEqual(t.cues[i - 1].end - 1e-9);
    expect(cueTexts("word ".repeat(60).trim()).every((p) => p.length <= 84)).toBe(true);
  });
});

describe("WebVTT", () => {
  it("formats times and escapes markup so no cue text can end a cue or open a tag", () => {
    expect(vttTime(3723.4567)).toBe("01:02:03.457");
    expect(toWebVtt([{ start: 0, end: 1.5, text: "a < b --> c & d" }])).toBe(
      "WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.500\na &lt; b --&gt; c &amp; d\n",
    );
  });
});

describe("parseRange", () => {
  it.each([
    [undefined, { kind: "full" }],
    ["bytes=0-99", { kind: "partial", start: 0, end: 99 }],
    ["bytes=500-", { kind: "partial", start: 500, end: 999 }],
    ["bytes=-100", { kind: "partial", start: 900, end: 999 }],
    ["bytes=-5000", { kind: "partial", start: 0, end: 999 }],
    ["bytes=990-5000", { kind: "partial", start: 990, end: 999 }],
    ["bytes=1000-", { kind: "unsatisfiable" }],
    ["bytes=-0", { kind: "unsatisfiable" }],
    ["bytes=99999999999999999999999-", { kind: "unsatisfiable" }],
    ["bytes=5-1", { kind: "full" }],
    ["bytes=0-1,5-9", { kind: "full" }],
    ["items=0-1", { kind: "full" }],
  ])("%s on 1000 bytes → %o", (header, expected) => {
    expect(parseRange(header, 1000)).toEqual(expected);
  });
});

describe("retiming quiz links", () => {
  const from = { timestamps: [0, 20, 40], duration: 60 };
  const to = { timestamps: [3, 13, 30], duration: 41 };

  it("moves a second into the same key point, at the same share of it", () => {
    expect(retimeSecond(20, from, to)).toBe(13);
    expect(retimeSecond(30, from, to)).toBe(21);
    expect(retimeSecond(59, from, to)).toBe(40);
    expect(retimeQuiz([{ q: 1, at: 40 }, { q: 2 }], from, to)).toEqual([{ q: 1, at: 30 }, { q: 2 }]);
  });
});

describe("chunkText", () => {
  it("splits at sentence ends within the limit, and a sentence longer than it at spaces", () => {
    expect(chunkText("One two. Three four.", 100)).toEqual(["One two. Three four."]);
    expect(chunkText("One two. Three four.", 10)).toEqual(["One two.", "Three", "four."]);
  });
});

describe("slides", () => {
  it("wrap keeps a line within the width, breaks an endless word, and ends a cut text with …", async () => {
    const { createCanvas } = await import("@napi-rs/canvas");
    const { wrap } = await import("./frames/slides.js");
    const { registerFonts, FONT_FAMILY } = await import("./frames/fonts.js");
    registerFonts();
    const g = createCanvas(10, 10).getContext("2d");
    g.font = `400 30px "${FONT_FAMILY}"`;
    const lines = wrap(g, `${"x".repeat(5000)} and then some ordinary words`, 600, 3);
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(g.measureText(l).width).toBeLessThanOrEqual(600);
    expect(lines[2].endsWith("…")).toBe(true);
    expect(wrap(g, "Short text", 600, 3)).toEqual(["Short text"]);
  });
});
