import { ApiError } from "@lm/core";
import { describe, expect, test } from "vitest";
import { errorMessage } from "./errors";

describe("errorMessage", () => {
  test("a code with the app's own words shows them, not the server's detail", () => {
    expect(errorMessage(new ApiError(401, "unauthorized", "The access token is invalid"))).toBe(
      "Please log in to do that.",
    );
  });

  test("a code left to the server shows its detail; an unknown code too", () => {
    expect(errorMessage(new ApiError(409, "conflict", "Only a failed generation can be retried"))).toBe(
      "Only a failed generation can be retried",
    );
    expect(errorMessage(new ApiError(418, "from_a_newer_server", "Try the new app"))).toBe("Try the new app");
  });

  test("with no detail the title speaks, but never a title that is only the code", () => {
    expect(errorMessage(new ApiError(409, "conflict", undefined))).toBe("Conflict");
    expect(errorMessage(new ApiError(409, "lesson_not_ready", undefined))).toBe(
      "Something went wrong. Please try again.",
    );
  });
});
