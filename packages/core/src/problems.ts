// The one error table (api-v1.md "Errors"): every code the server answers with, its HTTP status and
// its problem title. A throw names a code, never a status; zod-free for small bundles.

/** What each code answers with. Titles are exactly what problem+json has always carried. */
export const ERRORS = {
  validation_error: { status: 400, title: "Validation failed" },
  expansion_limit: { status: 400, title: "Too much recurrence to expand" },
  invalid_json: { status: 400, title: "Malformed JSON" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  payload_too_large: { status: 413, title: "Payload too large" },
  headers_too_large: { status: 431, title: "Request headers too large" },
  malformed_request: { status: 400, title: "Malformed request" },
  request_timeout: { status: 408, title: "Request timeout" },
  not_found: { status: 404, title: "Not found" },
  unauthorized: { status: 401, title: "Unauthorized" },
  forbidden: { status: 403, title: "Forbidden" },
  rate_limited: { status: 429, title: "Too many requests" },
  internal: { status: 500, title: "Internal server error" },
  email_taken: { status: 409, title: "Email already registered" },
  invalid_credentials: { status: 401, title: "Invalid email or password" },
  invalid_refresh_token: { status: 401, title: "Invalid refresh token" },
  refresh_token_reused: { status: 401, title: "Refresh token reused" },
  invalid_token: { status: 400, title: "Invalid or expired token" },
  email_not_verified: { status: 403, title: "Email not verified" },
  idempotency_key_reused: { status: 422, title: "Idempotency key reused" },
  idempotency_key_in_flight: { status: 409, title: "Idempotency key in flight" },
  content_rejected: { status: 422, title: "Content rejected" },
  cannot_rate_own_video: { status: 403, title: "You cannot rate your own video" },
  cannot_report_own_video: { status: 403, title: "You cannot report your own video" },
  cannot_report_own_comment: { status: 403, title: "You cannot report your own comment" },
  conflict: { status: 409, title: "Conflict" },
  service_unavailable: { status: 503, title: "Service unavailable" },
  // Codes added beyond api-v1.md. Their title has always been the code itself; kept so no answer changes.
  lesson_not_ready: { status: 409, title: "lesson_not_ready" },
  client_id_reused: { status: 409, title: "client_id_reused" },
  range_not_satisfiable: { status: 416, title: "range_not_satisfiable" },
  invalid_media_token: { status: 401, title: "invalid_media_token" },
  not_enough_reviews: { status: 409, title: "Not enough reviews" },
} as const satisfies Record<string, { status: number; title: string }>;

/** Closed: a code missing from the table is a type error, in a throw and in a client's messages. */
export type ErrorCode = keyof typeof ERRORS;
export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

export const PROBLEM_TITLES: Record<ErrorCode, string> = Object.fromEntries(
  ERROR_CODES.map((code) => [code, ERRORS[code].title]),
) as Record<ErrorCode, string>;

/** Narrows a code from the wire (a newer server may send one this build does not know). */
export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(ERRORS, code);
