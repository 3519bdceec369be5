// Turns anything thrown by a request into words for a person: never raw JSON or a stack.
import { ApiError, type ApiErrorCode, isApiErrorCode, isErrorCode, PROBLEM_TITLES } from "@lm/core";

/**
 * The app's words per code. Keyed by every code, so a new one is a type error until it is decided
 * here; null where the server's detail is already written for a person and is shown instead.
 */
const FRIENDLY: Record<ApiErrorCode, string | null> = {
  unauthorized: "Please log in to do that.",
  forbidden: "You don't have permission to do that.",
  not_found: "We couldn't find that. It may have been deleted or made private.",
  rate_limited: "You're going a little fast. Wait a moment and try again.",
  internal: "Something went wrong on our side. Please try again.",
  service_unavailable: "The service is busy right now. Please try again in a minute.",
  email_not_verified: "Verify your email first: open the link we sent you (or resend it from Settings).",
  invalid_credentials: "That email and password don't match. Check them and try again.",
  email_taken: "An account with this email already exists. Try logging in instead.",
  invalid_token: "This link is invalid or has expired. Ask for a new one.",
  cannot_rate_own_video: "You can't rate your own lesson.",
  cannot_report_own_video: "You can't report your own lesson.",
  cannot_report_own_comment: "You can't report your own comment.",
  payload_too_large: "That's too large to send. Try something shorter.",
  validation_error: "Some fields need another look.",
  malformed_response: "The server sent an answer this app can't read. Try again in a moment.",
  idempotency_key_in_flight: "That's already being sent. One moment.",
  // content_rejected is worded from its detail below.
  content_rejected: null,
  expansion_limit: null,
  invalid_json: null,
  unsupported_media_type: null,
  headers_too_large: null,
  malformed_request: null,
  request_timeout: null,
  invalid_refresh_token: null,
  refresh_token_reused: null,
  idempotency_key_reused: null,
  conflict: null,
  lesson_not_ready: null,
  client_id_reused: null,
  range_not_satisfiable: null,
  invalid_media_token: null,
  not_enough_reviews: null,
};

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === "content_rejected" && error.detail) return `We can't use that: ${error.detail}`;
    const friendly = isApiErrorCode(error.code) ? FRIENDLY[error.code] : null;
    if (friendly) return friendly;
    if (error.detail && error.detail !== error.code) return error.detail;
    // A title that is only the code again says nothing to a person.
    const title = isErrorCode(error.code) ? PROBLEM_TITLES[error.code] : undefined;
    return title && title !== error.code ? title : "Something went wrong. Please try again.";
  }
  if (error instanceof TypeError) return "We can't reach the server. Check your connection and try again.";
  return "Something went wrong. Please try again.";
}

/** The server's message for one field, if it named that field. */
export function serverFieldError(error: unknown, path: string): string | undefined {
  return error instanceof ApiError ? error.fieldError(path) : undefined;
}

export function isApiError(error: unknown, code?: ApiErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
