// A lesson's narration as segments: an introduction, one segment per key point (the script's
// sentences from where that point is first explained up to the next point), and a recap. Each
// segment is spoken on its own, so each key point's slide starts exactly where its voice does.
import { contentStems } from "../../ai/text.js";
import { splitSentences } from "./sentences.js";

export interface LessonText {
  title: string;
  script: string | null;
  scriptSummary: string | null;
  keyPoints: string[];
}

export interface Segment {
  kind: "intro" | "point" | "recap";
  /** The key point's index for "point" segments. */
  point?: number;
  sentences: string[];
}

export const segmentText = (s: Segment) => s.sentences.join(" ");

/** Script sentences that open a recap ("To recap, …", "In summary …"). */
const RECAP =
  /^(?:so,?\s+)?(?:to recap|in summary|to sum up|to summari[sz]e|summing up|in short|in conclusion|recap\b|overall\b|let'?s recap|remember\b)/i;

const MAX_SENTENCES = 400; // a script is at most a few thousand characters; this bounds the matching below

function overlap(point: Set<string>, sentence: Set<string>): number {
  if (point.size === 0) return 0;
  let shared = 0;
  for (const s of point) if (sentence.has(s)) shared++;
  return shared / point.size;
}

/**
 * Where each key point starts: strictly increasing sentence indexes that maximise how much of each
 * point's wording its sentence shares (dynamic programming over points × sentences). A point the
 * script never mentions leans towards its evenly spaced position.
 */
export function anchorPoints(points: string[], sentences: string[]): number[] {
  const k = points.length;
  const n = sentences.length;
  if (k === 0) return [];
  if (n < k) return points.map((_, i) => Math.min(i, n));
  const pointStems = points.map((p) => new Set(contentStems(p)));
  const sentenceStems = sentences.map((s) => new Set(contentStems(s)));
  const score = (i: number, j: number) =>
    overlap(pointStems[i], sentenceStems[j]) - (0.01 * Math.abs(j - (i * n) / k)) / n;
  // best[i][j]: the best total for points 0..i with point i at sentence j; from[i][j]: point i-1's sentence.
  const best: number[][] = [];
  const from: number[][] = [];
  for (let i = 0; i < k; i++) {
    best.push(new Array(n).fill(Number.NEGATIVE_INFINITY));
    from.push(new Array(n).fill(-1));
    let runMax = Number.NEGATIVE_INFINITY;
    let runArg = -1;
    // Point i needs i sentences before it and k-1-i after it.
    for (let j = i; j <= n - k + i; j++) {
      if (i > 0 && j - 1 >= 0 && best[i - 1][j - 1] > runMax) {
        runMax = best[i - 1][j - 1];
        runArg = j - 1;
      }
      const prev = i === 0 ? 0 : runMax;
      if (prev === Number.NEGATIVE_INFINITY) continue;
      best[i][j] = prev + score(i, j);
      from[i][j] = runArg;
    }
  }
  let j = 0;
  for (let c = 0; c < n; c++) if (best[k - 1][c] > best[k - 1][j]) j = c;
  const anchors = new Array<number>(k);
  for (let i = k - 1; i >= 0; i--) {
    anchors[i] = j;
    j = from[i][j];
  }
  return anchors;
}

const withStop = (s: string) => (/[.!?…]["'”’)\]]*$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

export function narrationSegments(lesson: LessonText): Segment[] {
  const all = splitSentences(lesson.script ?? "").slice(0, MAX_SENTENCES);
  // A recap the script already has stays the script's; it is searched for in the last third only.
  let recapAt = all.length;
  for (let i = Math.max(1, Math.floor((all.length * 2) / 3)); i < all.length; i++) {
    if (RECAP.test(all[i])) {
      recapAt = i;
      break;
    }
  }
  const body = all.slice(0, recapAt);
  const anchors = anchorPoints(lesson.keyPoints, body);
  const segments: Segment[] = [
    { kind: "intro", sentences: [withStop(lesson.title), ...body.slice(0, anchors[0] ?? body.length)] },
  ];
  lesson.keyPoints.forEach((point, i) => {
    const from = anchors[i];
    const to = i + 1 < anchors.length ? anchors[i + 1] : body.length;
    const sentences = body.slice(from, to);
    segments.push({ kind: "point", point: i, sentences: sentences.length > 0 ? sentences : [withStop(point)] });
  });
  let recap = all.slice(recapAt);
  if (recap.length === 0) {
    const summary = splitSentences(lesson.scriptSummary ?? "");
    recap = summary.length > 0 ? summary : lesson.keyPoints.map(withStop);
    if (recap.length > 0 && !RECAP.test(recap[0])) recap[0] = `To recap: ${recap[0]}`;
  }
  if (recap.length > 0) segments.push({ kind: "recap", sentences: recap });
  return segments;
}
