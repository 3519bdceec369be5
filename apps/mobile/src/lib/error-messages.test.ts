import { ApiError } from "@lm/core";
import { errorMessage } from "./query-client";

describe("errorMessage", () => {
  test("the server's detail is shown as it is", () => {
    expect(errorMessage(new ApiError(404, "not_found", "Video not found"))).toBe("Video not found");
  });

  test("an answer without a detail gets the app's words, not the raw code", () => {
    expect(errorMessage(new ApiError(401, "refresh_token_reused", undefined))).toBe(
      "Your session has ended. Please log in again.",
    );
  });

  test("a code this build does not know is still readable", () => {
    expect(errorMessage(new ApiError(418, "from_a_newer_server", undefined))).toBe("from a newer server");
  });
});
