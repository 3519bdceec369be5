// After a render the lesson's clock is the video's: quiz questions that point at a moment of the
// lesson (`at`, seconds) move with the key point they were in, keeping their place inside it.

interface Clock {
  timestamps: readonly number[];
  duration: number;
}

/** Maps a second on the old clock to the new one, key point by key point. */
export function retimeSecond(at: number, from: Clock, to: Clock): number {
  const n = Math.min(from.timestamps.length, to.timestamps.length);
  if (n === 0 || from.duration <= 0) return Math.min(Math.max(0, Math.round(at)), Math.max(0, to.duration - 1));
  let i = -1;
  for (let k = 0; k < n; k++) if (from.timestamps[k] <= at) i = k;
  const oldStart = i < 0 ? 0 : from.timestamps[i];
  const oldEnd = i + 1 < n ? from.timestamps[i + 1] : from.duration;
  const newStart = i < 0 ? 0 : to.timestamps[i];
  const newEnd = i + 1 < n ? to.timestamps[i + 1] : to.duration;
  const share = oldEnd > oldStart ? (at - oldStart) / (oldEnd - oldStart) : 0;
  const mapped = Math.floor(newStart + share * (newEnd - newStart));
  return Math.min(Math.max(newStart, mapped), Math.max(newStart, newEnd - 1));
}

/** Quiz questions with a numeric `at` get the new second; everything else is kept as it is. */
export function retimeQuiz<Q extends object>(quiz: Q[], from: Clock, to: Clock): Q[] {
  return quiz.map((q) => {
    const at = (q as { at?: unknown }).at;
    return typeof at === "number" && Number.isFinite(at) ? { ...q, at: retimeSecond(at, from, to) } : q;
  });
}
