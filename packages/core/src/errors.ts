// Problem details (RFC 9457) as the contract's "Errors" convention describes them.
import { z } from "zod";

export const FieldError = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  errors: z.array(FieldError).optional(),
});
export type Problem = z.infer<typeof Problem>;

/** Turns zod issues into the contract's `errors[]` (path joined with dots). */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    // Unknown keys are reported on the object; name the key itself so clients can show it.
    const keys = issue.code === "unrecognized_keys" ? issue.keys : [undefined];
    return keys.map((key) => ({
      path: [...issue.path, ...(key ? [key] : [])].map(String).join(".") || "(body)",
      message: issue.code === "unrecognized_keys" ? "Unknown field" : issue.message,
    }));
  });
}
