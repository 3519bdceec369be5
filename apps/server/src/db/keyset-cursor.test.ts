// The one keyset codec reads the cursors clients already hold: the feed's `{s, v}` and the
// (created_at, id) and notification arrays, written here as the old codecs produced them.
import { describe, expect, it } from "vitest";
import { AppError } from "../http/errors.js";
import { decodeCursor, encodeCursor, keysetCodec } from "./keyset-cursor.js";

const UUID = "7b0c3a55-1a0e-4f5e-9a55-6a1b2c3d4e5f";
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

function refusal(f: () => unknown): AppError {
  try {
    f();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("accepted");
}

describe("keysetCodec", () => {
  it("reads a feed cursor in the shape the feed has always handed out, and writes the same", () => {
    const top = keysetCodec(["numeric", "int", "uuid"], "top");
    const old = b64({ s: "top", v: ["4.50", "12", UUID] });
    expect(top.decode(old)).toEqual(["4.50", "12", UUID]);
    expect(top.encode(["4.50", "12", UUID])).toBe(old);
  });

  it("refuses a cursor from another sort with the feed's message, naming the field", () => {
    const err = refusal(() =>
      keysetCodec(["float8", "uuid"], "trending").decode(b64({ s: "relevance", v: ["0.5", UUID] })),
    );
    expect(err.code).toBe("validation_error");
    expect(err.detail).toBe("The cursor is malformed or belongs to another query");
    expect(err.errors).toEqual([{ path: "cursor", message: "Malformed cursor" }]);
  });

  it("reads notification cursors (created_at as PostgreSQL prints it) and refuses impossible ones", () => {
    const codec = keysetCodec(["timestamptz", "uuid"]);
    expect(codec.decode(b64(["2024-05-01 10:00:00.123456+00", UUID]))).toEqual(["2024-05-01 10:00:00.123456+00", UUID]);
    for (const t of ["2024-02-31 10:00:00+00", "2024-01-01 25:00:00+00", "2024-01-01 10:00:00+99"]) {
      expect(refusal(() => codec.decode(b64([t, UUID]))).errors).toEqual([
        { path: "cursor", message: "Malformed cursor" },
      ]);
    }
  });

  it("checks every value against its SQL type, so a forged cursor is a 400 and never a failing cast", () => {
    const codec = keysetCodec(["int", "float8", "uuid"]);
    for (const values of [
      ["99999999999", "1", UUID],
      ["1", "1e999", UUID],
      ["1", "1", "abc"],
      ["1", UUID],
      [1, "1", UUID],
    ]) {
      expect(refusal(() => codec.decode(b64(values))).status).toBe(400);
    }
    expect(refusal(() => codec.decode("not-a-cursor")).status).toBe(400);
    expect(codec.decode(undefined)).toBeUndefined();
  });

  it("keeps the (created_at, id) cursor of comments and the moderation queue as it was", () => {
    const key = { t: "2024-05-01T10:00:00.123456Z", i: UUID };
    expect(encodeCursor(key)).toBe(b64([key.t, key.i]));
    expect(decodeCursor(b64([key.t, key.i]))).toEqual(key);
    expect(refusal(() => decodeCursor(b64(["2024-02-31T10:00:00.000000Z", UUID]))).status).toBe(400);
  });
});
