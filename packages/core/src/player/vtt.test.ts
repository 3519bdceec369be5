import { describe, expect, it } from "vitest";
import { cueAt, parseWebVtt } from "./vtt.js";

describe("parseWebVtt", () => {
  it("reads cue times and text (ids, settings, markup and entities dropped; NOTE blocks skipped)", () => {
    const vtt = [
      "WEBVTT",
      "",
      "NOTE made by the renderer",
      "",
      "1",
      "00:00:00.000 --> 00:00:02.500 align:start",
      "Cells &amp; <b>tissues</b>",
      "",
      "00:01.000 --> 00:04.000",
      "Short hours",
      "two lines",
      "",
      "3",
      "00:00:09.000 --> 00:00:08.000",
      "ends before it starts",
      "",
    ].join("\r\n");
    expect(parseWebVtt(vtt)).toEqual([
      { index: 0, text: "Cells & tissues", start: 0, end: 2.5 },
      { index: 1, text: "Short hours two lines", start: 1, end: 4 },
    ]);
  });

  it("cueAt finds the cue holding t, and nothing in a gap or past the end", () => {
    const cues = parseWebVtt("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA\n\n00:00:03.000 --> 00:00:04.000\nB\n");
    expect(cueAt(cues, 1.5)?.text).toBe("A");
    expect(cueAt(cues, 2.5)).toBeUndefined();
    expect(cueAt(cues, 3)?.text).toBe("B");
    expect(cueAt(cues, 4)).toBeUndefined();
  });
});
