// GET /planner/events: one-off events and expanded series merged lazily in (startDate, id)
// order, so a page costs about its own size. Paging (?limit, ?cursor) is opt-in because the
// list predates it; without it the whole range comes at once, up to a cap answered with a 400.
import type { PlannerEvent } from "@lm/core";
import { AppError, validation } from "../http/errors.js";
import { EXPANSION_LIMITS, ExpansionBudget, ExpansionLimitError } from "./domain/expansion-budget.js";
import { occurrenceStream } from "./domain/recurrence.js";
import { expansionProblem } from "./expansion-errors.js";
import { toOccurrence, toPlannerEvent } from "./presenter.js";
import type { EventRow } from "./repository.js";
import { Slicer } from "./yield-loop.js";

export interface ListQuery {
  from?: Date;
  to?: Date;
  completed?: boolean;
  limit?: number;
  cursor?: string;
}

const DEFAULT_PAGE = 20;
const DAY_MS = 86_400_000;

interface Key {
  at: number;
  id: string;
}

const keyOf = (e: PlannerEvent): Key => ({ at: Date.parse(e.startDate), id: e.id });
const before = (a: Key, b: Key) => a.at < b.at || (a.at === b.at && a.id < b.id);

export const encodeCursor = (e: PlannerEvent) => Buffer.from(JSON.stringify([e.startDate, e.id])).toString("base64url");

function decodeCursor(raw: string): Key {
  try {
    const [at, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    const key = { at: Date.parse(at), id };
    if (Number.isFinite(key.at) && typeof id === "string" && /^[0-9a-f-]{36}$/.test(id)) return key;
  } catch {}
  throw validation("cursor", "Not a cursor from this list");
}

/** A window wider than the limit is refused before anything is read. */
export function checkRange(from: Date | undefined, to: Date | undefined) {
  if (!from || !to || to.getTime() - from.getTime() <= EXPANSION_LIMITS.maxRangeDays * DAY_MS) return;
  const message = `from..to spans more than ${EXPANSION_LIMITS.maxRangeDays} days (maxRangeDays); ask for a narrower range`;
  throw new AppError("expansion_limit", message, { errors: [{ path: "to", message }] });
}

/** The items one row contributes, in start order. */
function* itemsOf(
  row: EventRow,
  tz: string,
  range: { from?: Date; to?: Date },
  meter: ReturnType<ExpansionBudget["series"]>,
) {
  // Without a range a series is listed once, as itself (it may never end).
  if (row.rrule && !range.from && !range.to) {
    yield toPlannerEvent(row);
    return;
  }
  const stream = occurrenceStream(
    {
      startDate: row.start_date,
      endDate: row.end_date,
      rrule: row.rrule,
      timeZone: tz,
      allDay: row.all_day,
      exdates: row.exdates,
    },
    range,
    meter,
  );
  let n = 0;
  for (const occ of stream) {
    yield row.rrule ? toOccurrence(row, occ) : toPlannerEvent(row);
    // Open-ended ranges list at most this many per series, as they always have.
    if (++n >= EXPANSION_LIMITS.maxOccurrencesPerSeries) return;
  }
}

interface Source {
  head: PlannerEvent;
  key: Key;
  rest: Iterator<PlannerEvent>;
}

/** A binary min-heap of sources by their next item's key. */
class Heap {
  private readonly a: Source[] = [];
  get size() {
    return this.a.length;
  }
  push(s: Source) {
    const a = this.a;
    a.push(s);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!before(a[i].key, a[p].key)) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }
  pop(): Source {
    const a = this.a;
    const top = a[0];
    const last = a.pop() as Source;
    if (a.length > 0) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l].key, a[m].key)) m = l;
        if (r < a.length && before(a[r].key, a[m].key)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}

export async function listEvents(
  rows: EventRow[],
  zoneFor: (row: EventRow) => string,
  q: ListQuery,
): Promise<{ items: PlannerEvent[]; nextCursor: string | null }> {
  const paged = q.limit !== undefined || q.cursor !== undefined;
  const limit = q.limit ?? DEFAULT_PAGE;
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  // Occurrences before the cursor are never needed: each series starts walking there.
  const from = after && (!q.from || after.at > q.from.getTime()) ? new Date(after.at) : q.from;
  const budget = new ExpansionBudget();
  const slicer = new Slicer();
  try {
    const heap = new Heap();
    const add = (rest: Iterator<PlannerEvent>) => {
      const next = rest.next();
      if (!next.done) heap.push({ head: next.value, key: keyOf(next.value), rest });
    };
    for (const row of rows) {
      add(itemsOf(row, zoneFor(row), { from, to: q.to }, budget.series()));
      await slicer.pause();
    }
    const items: PlannerEvent[] = [];
    while (heap.size > 0) {
      const { head, key, rest } = heap.pop();
      add(rest);
      await slicer.pause();
      if (after && !before(after, key)) continue;
      if (q.completed !== undefined && head.isCompleted !== q.completed) continue;
      if (paged && items.length === limit) return { items, nextCursor: encodeCursor(items[limit - 1]) };
      if (!paged && items.length === EXPANSION_LIMITS.maxOccurrencesPerRequest) {
        throw new ExpansionLimitError("maxOccurrencesPerRequest", EXPANSION_LIMITS.maxOccurrencesPerRequest);
      }
      items.push(head);
    }
    return { items, nextCursor: null };
  } catch (err) {
    if (err instanceof ExpansionLimitError) {
      throw expansionProblem(err, "limit", "page through it with ?limit= and ?cursor=, or ask for a narrower range");
    }
    throw err;
  }
}
