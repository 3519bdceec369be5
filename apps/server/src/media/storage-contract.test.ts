// One storage contract, run against both drivers: the disk driver (embedded default) and the S3
// driver against s3rver on loopback. Whatever a route or the backup relies on is asserted here.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3_CREDENTIALS, startS3, type TestS3 } from "../../test/support/s3.js";
import { diskStorage, InvalidStorageKeyError, type Storage } from "./storage.js";
import { s3Storage } from "./storage-s3.js";
import { parseStorageUrl } from "./storage-url.js";

async function drain(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const tmp = mkdtempSync(join(tmpdir(), "lm-contract-"));
let s3: TestS3;
let s3Driver: ReturnType<typeof s3Storage>;

beforeAll(async () => {
  s3 = await startS3();
  const loc = parseStorageUrl(`${s3.url.replace("s3://lm-test", "s3://lm-test/contract")}`);
  if (typeof loc === "string") throw new Error(loc);
  s3Driver = s3Storage({ ...loc, credentials: S3_CREDENTIALS });
});
afterAll(async () => {
  s3Driver?.close();
  await s3?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const drivers: Array<[string, () => Storage]> = [
  ["disk", () => diskStorage(join(tmp, "disk"))],
  ["s3", () => s3Driver],
];

describe.each(drivers)("storage contract: %s", (_name, make) => {
  let storage: Storage;
  beforeAll(() => {
    storage = make();
  });

  it("puts, gets (with its type), overwrites and stats", async () => {
    await storage.put("thumbnails/a.png", Buffer.from("png-bytes"), "image/png");
    expect(await storage.get("thumbnails/a.png")).toEqual({ data: Buffer.from("png-bytes"), contentType: "image/png" });
    await storage.put("thumbnails/a.png", Buffer.from("newer"), "image/png");
    expect((await storage.get("thumbnails/a.png"))?.data.toString()).toBe("newer");
    expect(await storage.stat("thumbnails/a.png")).toEqual({ size: 5, contentType: "image/png" });
    expect(await storage.exists("thumbnails/a.png")).toBe(true);
  });

  it("answers null / false for a missing key", async () => {
    expect(await storage.get("thumbnails/none.png")).toBeNull();
    expect(await storage.stat("thumbnails/none.png")).toBeNull();
    expect(await storage.exists("thumbnails/none.png")).toBe(false);
    await expect(drain(storage.stream("thumbnails/none.png"))).rejects.toThrow();
  });

  it("streams a large file in from disk and back out whole and by byte range", async () => {
    const bytes = randomBytes(6 * 1024 * 1024 + 123); // over S3's 5 MB multipart threshold
    const path = join(tmp, `big-${_name}.mp4`);
    writeFileSync(path, bytes);
    await storage.putFile("videos/v1/video.mp4", path, "video/mp4");
    expect(await storage.stat("videos/v1/video.mp4")).toEqual({ size: bytes.length, contentType: "video/mp4" });
    expect((await drain(storage.stream("videos/v1/video.mp4"))).equals(bytes)).toBe(true);
    // Inclusive ranges, as HTTP Range means them: the first byte, a middle slice, the last bytes.
    expect(await drain(storage.stream("videos/v1/video.mp4", { start: 0, end: 0 }))).toEqual(bytes.subarray(0, 1));
    const mid = await drain(storage.stream("videos/v1/video.mp4", { start: 1_000_000, end: 1_065_535 }));
    expect(mid.equals(bytes.subarray(1_000_000, 1_065_536))).toBe(true);
    const end = bytes.length - 1;
    expect(
      (await drain(storage.stream("videos/v1/video.mp4", { start: end - 9, end }))).equals(bytes.subarray(-10)),
    ).toBe(true);
  });

  it("a reader that stops early does not break the next read", async () => {
    const s = storage.stream("videos/v1/video.mp4");
    await new Promise<void>((resolve) => s.once("data", () => resolve()));
    s.destroy();
    expect((await storage.stat("videos/v1/video.mp4"))?.size).toBeGreaterThan(6_000_000);
    expect((await drain(storage.stream("videos/v1/video.mp4", { start: 5, end: 9 }))).length).toBe(5);
  });

  it("lists keys by prefix, sorted, without neighbours that merely share letters", async () => {
    await storage.put("videos/v1/captions.vtt", Buffer.from("WEBVTT"), "text/vtt; charset=utf-8");
    await storage.put("videos/v10/captions.vtt", Buffer.from("WEBVTT"), "text/vtt; charset=utf-8");
    expect(await storage.list("videos/v1/")).toEqual(["videos/v1/captions.vtt", "videos/v1/video.mp4"]);
    expect(await storage.list("videos/v1")).toEqual([
      "videos/v1/captions.vtt",
      "videos/v1/video.mp4",
      "videos/v10/captions.vtt",
    ]);
    expect(await storage.list("thumbnails/")).toEqual(["thumbnails/a.png"]);
    expect(await storage.list("nothing/")).toEqual([]);
    expect(await storage.list("")).toEqual([
      "thumbnails/a.png",
      "videos/v1/captions.vtt",
      "videos/v1/video.mp4",
      "videos/v10/captions.vtt",
    ]);
  });

  it("deletes, and deleting again is fine", async () => {
    await storage.delete("videos/v10/captions.vtt");
    expect(await storage.exists("videos/v10/captions.vtt")).toBe(false);
    await expect(storage.delete("videos/v10/captions.vtt")).resolves.toBeUndefined();
    expect(await storage.list("videos/")).toEqual(["videos/v1/captions.vtt", "videos/v1/video.mp4"]);
  });

  it("refuses keys and prefixes that could escape or confuse the store", async () => {
    for (const key of ["", "../x", "a/../../x", "/abs", "a\\b", "a//b", "x.meta", "a b", "ä"]) {
      await expect(storage.put(key, Buffer.from("x"), "text/plain")).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    }
    for (const prefix of ["../", "/x", "a/../", "a b"]) {
      await expect(storage.list(prefix)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    }
  });
});

describe("STORAGE_URL", () => {
  it("parses bucket, prefix, endpoint, region and path style", () => {
    expect(parseStorageUrl("s3://media/lm/prod?endpoint=http://127.0.0.1:9000&region=eu-west-1")).toEqual({
      bucket: "media",
      prefix: "lm/prod/",
      endpoint: "http://127.0.0.1:9000",
      region: "eu-west-1",
      forcePathStyle: true,
    });
    expect(parseStorageUrl("s3://media")).toMatchObject({ prefix: "", region: "us-east-1", forcePathStyle: false });
  });

  it("says what is wrong, and never accepts credentials in the URL", () => {
    expect(parseStorageUrl("s3://KEY:SECRET@media")).toMatch(/AWS_ACCESS_KEY_ID/);
    expect(parseStorageUrl("http://media")).toMatch(/s3:\/\//);
    expect(parseStorageUrl("s3://Media_Bucket")).toMatch(/bucket name/);
    expect(parseStorageUrl("s3://media?endpont=http://x")).toMatch(/unknown parameter "endpont"/);
    expect(parseStorageUrl("s3://media?endpoint=ftp://x")).toMatch(/endpoint/);
  });
});
