import { LoginInput, RegisterInput, VideoCreateInput } from "@lm/core";
import { describe, expect, it } from "vitest";
import { friendlyServerMessage, validate } from "./forms";

describe("form validation messages", () => {
  it("turns zod's built-in messages into plain words and keeps the schema's own", () => {
    const r = validate(RegisterInput, { email: "nope", password: "short", displayName: "" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.email).toBe("Enter a valid email address, like name@example.com.");
    expect(r.errors.password).toBe("Use at least 8 characters");
    expect(r.errors.displayName).toBe("This is required.");
  });

  it("names lengths and choices", () => {
    const r = validate(VideoCreateInput, { topic: "ab", subject: "ALCHEMY", difficulty: "BEGINNER" });
    if (r.ok) throw new Error("should fail");
    expect(r.errors.topic).toBe("Use at least 3 characters.");
    expect(r.errors.subject).toBe("Choose one of the options.");
    expect(validate(LoginInput, { email: "a@b.co", password: "x" }).ok).toBe(true);
  });

  it("rewords the server's zod messages the same way", () => {
    expect(friendlyServerMessage("Too small: expected string to have >=3 characters")).toBe(
      "Use at least 3 characters.",
    );
    expect(friendlyServerMessage("Too big: expected string to have <=200 characters")).toBe(
      "Use at most 200 characters.",
    );
    expect(friendlyServerMessage("Topic is not specific enough")).toBe("Topic is not specific enough");
  });
});
