import { describe, expect, it } from "vitest";
import { ApiError } from "./client.js";
import { EVENT_TYPE_LABELS, EVENT_TYPES } from "./constants.js";
import { problemFieldMessages } from "./form-errors.js";

describe("problem+json field messages", () => {
  it("maps each named field to its first message", () => {
    const error = new ApiError(400, "validation_failed", "Invalid input", [
      { path: "email", message: "Invalid email" },
      { path: "email", message: "second message" },
      { path: "password", message: "Too short" },
    ]);
    expect(problemFieldMessages(error)).toEqual({ email: "Invalid email", password: "Too short" });
  });

  it("rewords messages when asked", () => {
    const error = new ApiError(400, "validation_failed", undefined, [{ path: "name", message: "x" }]);
    expect(problemFieldMessages(error, (m) => `<${m}>`)).toEqual({ name: "<x>" });
  });

  it("has no field messages for errors that are not validation problems", () => {
    expect(problemFieldMessages(new ApiError(500, "internal", "boom"))).toEqual({});
    expect(problemFieldMessages(new TypeError("Network request failed"))).toEqual({});
  });
});

describe("event type labels", () => {
  it("names every planner event type", () => {
    for (const t of EVENT_TYPES) expect(EVENT_TYPE_LABELS[t]).toMatch(/^[A-Z][a-z ]+$/);
    expect(EVENT_TYPE_LABELS.STUDY_SESSION).toBe("Study session");
  });
});
