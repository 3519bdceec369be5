import rrulePkg from "rrule";
import { describe, expect, it } from "vitest";
import { ExpansionBudget, ExpansionLimitError } from "./expansion-budget.js";
import { everMatches, lastStartAtOrBefore, walkRule } from "./rrule-expand.js";
import { parseRRule, WEEKDAYS } from "./rrule-parse.js";

// rrule ships CommonJS with ESM-only typings; Node exposes it as a default export only.
const { RRule } = rrulePkg;

/** The rrule package's answer for the same rule, read as floating time (as the planner did). */
function reference(text: string, dtstart: number, max: number): number[] {
  const rule = RRule.fromString(
    `DTSTART:${new Date(dtstart).toISOString().replace(/[-:]|\.\d{3}/g, "")}\nRRULE:${text}`,
  );
  return rule.all((_, i) => i < max).map((d) => d.getTime());
}

function take(it: Iterable<number>, n: number): number[] {
  const out: number[] = [];
  for (const v of it) {
    out.push(v);
    if (out.length >= n) break;
  }
  return out;
}

// A seeded generator, so a failure names a rule that can be replayed.
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

function randomRule(r: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const freq = pick(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"] as const);
  const parts = [`FREQ=${freq}`];
  if (r() < 0.4) parts.push(`INTERVAL=${1 + Math.floor(r() * 3)}`);
  const positional = freq === "MONTHLY" || freq === "YEARLY";
  if (r() < 0.6) {
    const days = new Set<string>();
    for (let i = 0; i < 1 + Math.floor(r() * 3); i++) {
      const n = positional && r() < 0.5 ? pick([1, 2, 3, -1, -2, 5]) : null;
      days.add(`${n ?? ""}${pick(WEEKDAYS)}`);
    }
    parts.push(`BYDAY=${[...days].join(",")}`);
  }
  if (r() < 0.3) parts.push(`BYMONTHDAY=${pick([1, 13, 15, 29, 30, 31, -1, -3])}`);
  if (r() < 0.3) parts.push(`BYMONTH=${pick(["1", "2", "2,8", "6", "12"])}`);
  const hasBy = parts.some((p) => p.startsWith("BY"));
  if (hasBy && r() < 0.3) parts.push(`BYSETPOS=${pick(["1", "-1", "2", "1,-1", "3"])}`);
  if (r() < 0.2) parts.push(`WKST=${pick(WEEKDAYS)}`);
  parts.push(r() < 0.5 ? `COUNT=${1 + Math.floor(r() * 40)}` : "UNTIL=20320101T000000");
  return parts.join(";");
}

describe("walkRule matches the rrule package", () => {
  it("on 150 random rules of the supported subset", () => {
    const r = random(12);
    for (let i = 0; i < 150; i++) {
      const text = randomRule(r);
      let rule: ReturnType<typeof parseRRule>;
      try {
        rule = parseRRule(text);
      } catch {
        continue; // e.g. BYMONTH=2;BYMONTHDAY=30, refused up front
      }
      const start = Date.UTC(2024, Math.floor(r() * 24), 1 + Math.floor(r() * 28), 9, 30);
      const until = rule.until ? rule.until.value.getTime() : null;
      // The package would walk to year 9999 looking for these; the planner refuses them.
      if (!everMatches(rule, start)) {
        expect(take(walkRule(rule, start, { until }), 1)).toEqual([]);
        continue;
      }
      let ours = take(walkRule(rule, start, { until }), 40);
      // The package yields a day twice when two BYSETPOS values pick it (and counts both
      // against COUNT); RFC 5545 sets hold each instant once, and so do we.
      const theirs = [...new Set(reference(text, start, 40))];
      if (rule.bySetPos.length > 1) ours = ours.slice(0, theirs.length);
      expect({ text, start: new Date(start), ours }).toEqual({ text, start: new Date(start), ours: theirs });
    }
  });
});

describe("rules that never match", () => {
  const start = Date.UTC(2026, 0, 5, 9);
  it.each([
    "FREQ=DAILY;BYDAY=MO;BYSETPOS=2",
    "FREQ=WEEKLY;BYDAY=MO,TU;BYSETPOS=3",
    "FREQ=MONTHLY;BYDAY=MO,2TU",
    "FREQ=MONTHLY;BYDAY=5MO;BYMONTHDAY=1",
    "FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29",
  ])("%s is recognised without walking for long", (text) => {
    const t0 = performance.now();
    expect(everMatches(parseRRule(text), start)).toBe(false);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it.each([
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO",
    "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13",
    "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29",
  ])("%s is rare but real", (text) => {
    expect(everMatches(parseRRule(text), start)).toBe(true);
  });
});

describe("walking is bounded", () => {
  it("jumps to the range asked for on an open-ended rule", () => {
    const budget = new ExpansionBudget();
    const meter = budget.series();
    let steps = 0;
    const counting = {
      iterate: () => {
        steps++;
        meter.iterate();
      },
      occurrence: meter.occurrence,
    };
    const near = Date.UTC(2200, 2, 1);
    const first = take(walkRule(parseRRule("FREQ=DAILY"), Date.UTC(2026, 0, 5, 9), { near, meter: counting }), 3);
    // 2200 is no leap year.
    expect(first.map((t) => new Date(t).toISOString().slice(0, 10))).toEqual([
      "2200-02-28",
      "2200-03-01",
      "2200-03-02",
    ]);
    expect(steps).toBeLessThan(10);
  });

  it("finds the last start before a far UNTIL by looking back", () => {
    const rule = parseRRule("FREQ=WEEKLY;BYDAY=MO;UNTIL=22251231T000000Z");
    const last = lastStartAtOrBefore(rule, Date.UTC(2026, 0, 5, 9), rule.until!.value.getTime());
    expect(new Date(last!).toISOString()).toBe("2225-12-26T09:00:00.000Z"); // a Monday
  });

  it("throws a named limit when one series walks too far", () => {
    const meter = new ExpansionBudget({ ...new ExpansionBudget().limits, maxIterationsPerSeries: 100 }).series();
    const walk = walkRule(parseRRule("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29"), Date.UTC(2026, 0, 5), { meter });
    expect(() => take(walk, 3)).toThrow(ExpansionLimitError);
    expect(() => take(walkRule(parseRRule("FREQ=DAILY"), 0, { meter }), 1)).toThrow(/maxIterationsPerSeries/);
  });
});
