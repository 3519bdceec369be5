// Turns the domain's recurrence errors into the contract's 400s, naming the field to change.
import { AppError, validation } from "../http/errors.js";
import { ExpansionLimitError } from "./domain/expansion-budget.js";
import { RRuleError } from "./domain/recurrence.js";

/** A 400 `expansion_limit` naming the limit that was hit and what to do instead. */
export function expansionProblem(err: ExpansionLimitError, field: string, advice: string): AppError {
  const message = `Expands to ${err.message}; ${advice}`;
  return new AppError("expansion_limit", message, { errors: [{ path: field, message }] });
}

/** Runs `work`, answering a bad or too costly rule with a 400 on `field`. */
export async function guardRule<T>(field: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof RRuleError) throw validation(field, err.message);
    if (err instanceof ExpansionLimitError) {
      throw expansionProblem(err, field, "simplify the rule or give it a nearer end (COUNT or UNTIL)");
    }
    throw err;
  }
}
