// Unit: the persisted read cache that keeps the last feed page and planner readable offline.
import { ApiError } from "@lm/core";
import { clearCache, readCache, withOfflineFallback } from "./cache";

describe("offline cache", () => {
  beforeEach(() => clearCache());

  test("a good answer is remembered and served when the next request gets no answer", async () => {
    expect(await withOfflineFallback("feed", async () => ({ items: [1] }))).toEqual({ items: [1] });
    const offline = await withOfflineFallback("feed", async () => {
      throw new TypeError("Network request failed");
    });
    expect(offline).toEqual({ items: [1] });
  });

  test("without a remembered answer the network error surfaces", async () => {
    await expect(
      withOfflineFallback("planner", async () => {
        throw new TypeError("Network request failed");
      }),
    ).rejects.toThrow("Network request failed");
  });

  test("a server refusal is not hidden behind stale data", async () => {
    await withOfflineFallback("me", async () => "old");
    await expect(
      withOfflineFallback("me", async () => {
        throw new ApiError(401, "unauthorized", undefined);
      }),
    ).rejects.toBeInstanceOf(ApiError);
  });

  test("sign-out clears what was cached", async () => {
    await withOfflineFallback("planner", async () => ["event"]);
    await clearCache();
    expect(await readCache("planner")).toBeNull();
  });
});
