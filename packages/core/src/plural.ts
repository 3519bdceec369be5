// Count words by the language's plural rules ("1 view", "2 views", "10 minutes"), never "view(s)":
// screen readers read the "(s)" aloud. English for now, as every string of the apps is; the
// rules come from Intl so another locale only needs its words.
const rules = new Intl.PluralRules("en");

/** The singular or plural form for `n`. */
export function plural(n: number, one: string, other = `${one}s`): string {
  return rules.select(n) === "one" ? one : other;
}

/** "1 view", "3 views"; `shown` replaces the number in the text (e.g. "1.2K"). */
export function countOf(n: number, one: string, other?: string, shown: string = String(n)): string {
  return `${shown} ${plural(n, one, other)}`;
}
