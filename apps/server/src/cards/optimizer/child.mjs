// The FSRS optimiser's process, in plain JavaScript so it starts without the TypeScript loader. It turns
// the review histories it is handed into the binding's training items and fits the weights. Building
// twenty thousand native items and collecting them afterwards took up to half a second of the API's
// thread when done there; here it costs the API nothing. A process, not a thread: the native fit
// aborts its whole process on input it rejects, and that must never be the API's.
import { computeParameters, FSRSBindingItem, FSRSBindingReview } from "@open-spaced-repetition/binding";

/**
 * One training item per review after a card's first, holding the history up to it (fsrs-rs's shape).
 * fsrs-rs aborts the whole process, not just this call, on an item with no review a day or more after
 * the one before, so those (same-day relearning only) are left out here, as fsrs-rs's own tools do.
 * @param {{ ratings: Uint8Array, days: Int32Array, starts: Uint32Array }} log
 */
function trainingItems({ ratings, days, starts }) {
  const items = [];
  for (let c = 0; c < starts.length; c++) {
    const from = starts[c];
    const to = c + 1 < starts.length ? starts[c + 1] : ratings.length;
    const reviews = [];
    let longTerm = false;
    for (let i = from; i < to; i++) {
      const rating = ratings[i];
      const deltaT = i === from ? 0 : Math.max(0, days[i] - days[i - 1]);
      if (rating < 1 || rating > 4) break; // the table's check makes this unreachable; a bad row ends the card
      reviews.push(new FSRSBindingReview(rating, deltaT));
      if (deltaT > 0) longTerm = true;
      if (reviews.length > 1 && longTerm) items.push(new FSRSBindingItem([...reviews]));
    }
  }
  return items;
}

process.once("message", (log) => {
  const items = trainingItems(log);
  computeParameters(items, { enableShortTerm: true })
    .then((weights) => ({ weights: Array.from(weights), items: items.length }))
    .catch((err) => ({ error: err instanceof Error ? err.message : String(err) }))
    .then((answer) => process.send?.(answer, () => process.exit(0)));
});
