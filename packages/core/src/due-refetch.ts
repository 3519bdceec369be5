// When a client should ask for its due counts again. Cards coming due with time send no event (only
// changes to the deck do), so a badge refetches just after the next card comes due, as the counts
// say; never later than a slow poll (another device's change whose event was lost), never in a tight
// loop (a device clock ahead of the server's would otherwise ask again and again before it is due).
import type { DueCounts } from "./schemas/cards.js";

/** Asked a moment after the card is due on the server, whose clock may trail the device's a little. */
export const DUE_REFETCH_MARGIN_MS = 1_000;
export const DUE_REFETCH_MIN_MS = 2_000;
/** The slow poll that was all there was before counts carried nextDueAt. */
export const DUE_REFETCH_MAX_MS = 5 * 60_000;

/** Milliseconds until the counts should be fetched again. */
export function dueRefetchDelay(counts: Pick<DueCounts, "nextDueAt"> | undefined, now = Date.now()): number {
  const next = counts?.nextDueAt ? Date.parse(counts.nextDueAt) : Number.NaN;
  if (!Number.isFinite(next)) return DUE_REFETCH_MAX_MS;
  const wait = next - now + DUE_REFETCH_MARGIN_MS;
  return Math.min(DUE_REFETCH_MAX_MS, Math.max(DUE_REFETCH_MIN_MS, wait));
}
