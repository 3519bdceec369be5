// The app's words per error code. The server's detail is written for a person, so it is shown
// first; these speak when an answer has none (a proxy's bare status, an old server). Keyed by
// every code, so a new code is a type error until it has words here.
import type { ApiErrorCode } from "@lm/core";

export const ERROR_MESSAGES: Record<ApiErrorCode, string> = {
  validation_error: "Some fields need another look.",
  expansion_limit: "That repeats too often to show. Try a shorter range.",
  invalid_json: "The app sent something the server could not read. Try again.",
  unsupported_media_type: "The app sent something the server could not read. Try again.",
  payload_too_large: "That's too large to send. Try something shorter.",
  headers_too_large: "The request was too large. Try logging in again.",
  malformed_request: "The app sent something the server could not read. Try again.",
  request_timeout: "The server took too long. Try again.",
  not_found: "We couldn't find that. It may have been deleted or made private.",
  unauthorized: "Please log in to do that.",
  forbidden: "You don't have permission to do that.",
  rate_limited: "You're going a little fast. Wait a moment and try again.",
  internal: "Something went wrong on our side. Please try again.",
  email_taken: "An account with this email already exists. Try logging in instead.",
  invalid_credentials: "That email and password don't match. Check them and try again.",
  invalid_refresh_token: "Your session has ended. Please log in again.",
  refresh_token_reused: "Your session has ended. Please log in again.",
  invalid_token: "This link is invalid or has expired. Ask for a new one.",
  email_not_verified: "Verify your email first: open the link we sent you.",
  idempotency_key_reused: "That was already sent with other content. Try again.",
  idempotency_key_in_flight: "That's already being sent. One moment.",
  content_rejected: "We can't use that. Try a different topic.",
  cannot_rate_own_video: "You can't rate your own lesson.",
  cannot_report_own_video: "You can't report your own lesson.",
  cannot_report_own_comment: "You can't report your own comment.",
  conflict: "That changed in the meantime. Reload and try again.",
  service_unavailable: "The service is busy right now. Please try again in a minute.",
  lesson_not_ready: "This lesson is not ready yet.",
  client_id_reused: "That was already recorded. Reload and try again.",
  range_not_satisfiable: "The video could not be loaded. Try again.",
  invalid_media_token: "This video link has expired. Reload the lesson.",
  malformed_response: "The server sent an answer this app can't read. Try again in a moment.",
};
