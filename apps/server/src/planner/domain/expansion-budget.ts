// How much recurrence work one request may cause. Every period a rule walks and every
// occurrence it yields is counted per series and per request; going over a limit throws
// ExpansionLimitError, which the services answer with a 400 naming the limit. The numbers sit
// far above what real timetables need and far below what stalls the server (issue 12).

export const EXPANSION_LIMITS = {
  /** Widest `from`..`to` range the events list accepts. */
  maxRangeDays: 400,
  /** Occurrences one series contributes to a list with no `to` (it may never end). */
  maxOccurrencesPerSeries: 1000,
  /** Periods one series may walk; a daily rule's full 400-year calendar cycle is 146,097. */
  maxIterationsPerSeries: 150_000,
  /** Occurrences one request may expand: an unpaged list, or one page with its look-ahead. */
  maxOccurrencesPerRequest: 10_000,
  /** Periods one request may walk over all its series. */
  maxIterationsPerRequest: 1_000_000,
  /** Occurrences a calendar import may describe; a series without COUNT counts its first year. */
  maxImportOccurrences: 50_000,
} as const;

export type ExpansionLimits = { [K in keyof typeof EXPANSION_LIMITS]: number };
export type ExpansionLimit = keyof ExpansionLimits;

export class ExpansionLimitError extends Error {
  override name = "ExpansionLimitError";
  constructor(
    readonly limit: ExpansionLimit,
    readonly max: number,
  ) {
    super(
      `more than ${max.toLocaleString("en-US")} ${limit.includes("Iterations") ? "steps" : "occurrences"} (${limit})`,
    );
  }
}

/** What a walk reports to: one series' share of a request's budget. */
export interface ExpansionMeter {
  /** One period of the rule walked (matching or not). */
  iterate(): void;
  /** One occurrence produced. */
  occurrence(): void;
}

export class ExpansionBudget {
  private iterations = 0;
  private occurrences = 0;

  constructor(readonly limits: ExpansionLimits = EXPANSION_LIMITS) {}

  /** A meter for one series (fresh per-series counts; the request's keep running). */
  series(): ExpansionMeter {
    let iterations = 0;
    return {
      iterate: () => {
        if (++iterations > this.limits.maxIterationsPerSeries) this.fail("maxIterationsPerSeries");
        if (++this.iterations > this.limits.maxIterationsPerRequest) this.fail("maxIterationsPerRequest");
      },
      occurrence: () => {
        if (++this.occurrences > this.limits.maxOccurrencesPerRequest) this.fail("maxOccurrencesPerRequest");
      },
    };
  }

  private fail(limit: ExpansionLimit): never {
    throw new ExpansionLimitError(limit, this.limits[limit]);
  }
}
