// The one error table: a throw names a code, the status and title come from core's ERRORS, and the
// problem+json answers are exactly what they were when each throw wrote its status by hand.
import { ERROR_CODES } from "@lm/core";
import { describe, expect, test } from "vitest";
import { AppError } from "../src/http/errors.js";
import { problemBody } from "../src/http/problem.js";

// What every throw site answered before the table existed (status, title): a change here is a contract change.
const BEFORE: Record<string, [number, string]> = {
  validation_error: [400, "Validation failed"],
  expansion_limit: [400, "Too much recurrence to expand"],
  invalid_json: [400, "Malformed JSON"],
  unsupported_media_type: [415, "Unsupported media type"],
  payload_too_large: [413, "Payload too large"],
  headers_too_large: [431, "Request headers too large"],
  malformed_request: [400, "Malformed request"],
  request_timeout: [408, "Request timeout"],
  not_found: [404, "Not found"],
  unauthorized: [401, "Unauthorized"],
  forbidden: [403, "Forbidden"],
  rate_limited: [429, "Too many requests"],
  internal: [500, "Internal server error"],
  email_taken: [409, "Email already registered"],
  invalid_credentials: [401, "Invalid email or password"],
  invalid_refresh_token: [401, "Invalid refresh token"],
  refresh_token_reused: [401, "Refresh token reused"],
  invalid_token: [400, "Invalid or expired token"],
  email_not_verified: [403, "Email not verified"],
  idempotency_key_reused: [422, "Idempotency key reused"],
  idempotency_key_in_flight: [409, "Idempotency key in flight"],
  content_rejected: [422, "Content rejected"],
  cannot_rate_own_video: [403, "You cannot rate your own video"],
  cannot_report_own_video: [403, "You cannot report your own video"],
  cannot_report_own_comment: [403, "You cannot report your own comment"],
  conflict: [409, "Conflict"],
  service_unavailable: [503, "Service unavailable"],
  lesson_not_ready: [409, "lesson_not_ready"],
  client_id_reused: [409, "client_id_reused"],
  range_not_satisfiable: [416, "range_not_satisfiable"],
  invalid_media_token: [401, "invalid_media_token"],
  not_enough_reviews: [409, "Not enough reviews"],
};

describe("the error table", () => {
  test("every code answers with the status and title it always had", () => {
    expect([...ERROR_CODES].sort()).toEqual(Object.keys(BEFORE).sort());
    for (const code of ERROR_CODES) {
      const body = JSON.parse(problemBody(new AppError(code, "why")));
      expect({ code, status: body.status, title: body.title }).toEqual({
        code,
        status: BEFORE[code][0],
        title: BEFORE[code][1],
      });
      expect(new AppError(code).status).toBe(BEFORE[code][0]);
    }
  });

  test("field errors and the reason extension still reach the problem body; no detail stays absent", () => {
    const body = JSON.parse(
      problemBody(
        new AppError("invalid_token", "Already verified", {
          errors: [{ path: "token", message: "Used" }],
          reason: "already_verified",
        }),
      ),
    );
    expect(body).toEqual({
      type: "about:blank",
      title: "Invalid or expired token",
      status: 400,
      code: "invalid_token",
      detail: "Already verified",
      errors: [{ path: "token", message: "Used" }],
      reason: "already_verified",
    });
    expect(JSON.parse(problemBody(new AppError("conflict")))).not.toHaveProperty("detail");
  });
});
