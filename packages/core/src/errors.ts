// Problem details (RFC 9457) as the contract's "Errors" convention describes them.
import { z } from "zod";

export const ERROR_CODES = [
  "validation_error",
  "invalid_json",
  "unsupported_media_type",
  "payload_too_large",
  "not_found",
  "unauthorized",
  "forbidden",
  "rate_limited",
  "internal",
  "email_taken",
  "invalid_credentials",
  "invalid_refresh_token",
  "refresh_token_reused",
  "invalid_token",
  "email_not_verified",
  "idempotency_key_reused",
  "idempotency_key_in_flight",
  "content_rejected",
  "cannot_rate_own_video",
  "conflict",
  "service_unavailable",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number] | (string & {});

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

export const PROBLEM_TITLES: Record<string, string> = {
  validation_error: "Validation failed",
  invalid_json: "Malformed JSON",
  unsupported_media_type: "Unsupported media type",
  payload_too_large: "Payload too large",
  not_found: "Not found",
  unauthorized: "Unauthorized",
  forbidden: "Forbidden",
  rate_limited: "Too many requests",
  internal: "Internal server error",
  email_taken: "Email already registered",
  invalid_credentials: "Invalid email or password",
  invalid_refresh_token: "Invalid refresh token",
  refresh_token_reused: "Refresh token reused",
  invalid_token: "Invalid or expired token",
  email_not_verified: "Email not verified",
  idempotency_key_reused: "Idempotency key reused",
  idempotency_key_in_flight: "Idempotency key in flight",
  content_rejected: "Content rejected",
  cannot_rate_own_video: "You cannot rate your own video",
};

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
