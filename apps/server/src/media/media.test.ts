// Thumbnails are real PNGs of the right size; disk storage round-trips files and refuses keys
// that would escape its folder.
import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { afterAll, describe, expect, it } from "vitest";
import { diskStorage, InvalidStorageKeyError } from "./storage.js";
import { renderThumbnail, THUMBNAIL_HEIGHT, THUMBNAIL_WIDTH, thumbnailSvg, wrapTitle } from "./thumbnail.js";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const root = mkdtempSync(join(tmpdir(), "lm-storage-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("thumbnail", () => {
  it("is a 640×360 PNG", async () => {
    const png = await renderThumbnail({
      title: "Photosynthesis: how plants make food",
      subject: "BIOLOGY",
    });
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
    expect(png.readUInt32BE(16)).toBe(THUMBNAIL_WIDTH);
    expect(png.readUInt32BE(20)).toBe(THUMBNAIL_HEIGHT);
    expect(png.length).toBeGreaterThan(2000);
  });

  it("differs by subject (colour and icon) and escapes the title", async () => {
    const a = await renderThumbnail({ title: "Same title", subject: "MATH" });
    const b = await renderThumbnail({ title: "Same title", subject: "MUSIC" });
    expect(a.equals(b)).toBe(false);
    const svg = thumbnailSvg({ title: "Tom & Jerry <script>", subject: "OTHER" });
    expect(svg).toContain("Tom &amp; Jerry &lt;script&gt;");
    // The feed card names the subject and difficulty; the picture does not repeat them.
    expect(svg).not.toMatch(/Other|Beginner/);
    await expect(renderThumbnail({ title: "Tom & Jerry <b>", subject: "ART" })).resolves.toBeInstanceOf(Buffer);
  });

  it("wraps long titles into at most four lines with an ellipsis", () => {
    const lines = wrapTitle(
      "The causes of the French Revolution and how they fed into one another over many decades of unrest",
      24,
      4,
    );
    expect(lines.length).toBe(4);
    expect(lines.every((l) => l.length <= 24)).toBe(true);
    expect(lines[3].endsWith("…")).toBe(true);
  });
  // The title must stay inside the 40 px margins whatever its letters: measured by resvg with the
  // same font, not by counting characters.
  it.each([
    "The Pythagorean theorem",
    "WWW MMM WWW MMM WWW MMM WWW MMM WWW MMM WWW MMM",
    "Photosynthesis: how plants make food from light, water and air",
    "Pneumonoultramicroscopicsilicovolcanoconiosis explained",
  ])("keeps the title %j inside the picture", (title) => {
    const svg = thumbnailSvg({ title, subject: "MATH" });
    const titleText = svg.match(/<text[^>]*font-weight="bold"[^>]*>.*?<\/text>/)?.[0];
    expect(titleText).toBeDefined();
    const alone = `<svg xmlns="http://www.w3.org/2000/svg" width="${THUMBNAIL_WIDTH}" height="${THUMBNAIL_HEIGHT}">${titleText}</svg>`;
    const box = new Resvg(alone, {
      font: {
        fontFiles: ["/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"],
        loadSystemFonts: false,
        defaultFontFamily: "DejaVu Sans",
      },
    }).getBBox();
    expect(box).toBeDefined();
    expect(box?.x).toBeGreaterThanOrEqual(38);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(THUMBNAIL_WIDTH - 40);
    expect(box?.y).toBeGreaterThanOrEqual(112);
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(THUMBNAIL_HEIGHT - 32);
  });
});

describe("disk storage", () => {
  const storage = diskStorage(root);

  it("puts, gets and deletes a file with its content type", async () => {
    await storage.put("thumbnails/v1.png", Buffer.from("png-bytes"), "image/png");
    const got = await storage.get("thumbnails/v1.png");
    expect(got?.data.toString()).toBe("png-bytes");
    expect(got?.contentType).toBe("image/png");
    await storage.put("thumbnails/v1.png", Buffer.from("newer"), "image/png");
    expect((await storage.get("thumbnails/v1.png"))?.data.toString()).toBe("newer");
    await storage.delete("thumbnails/v1.png");
    expect(await storage.get("thumbnails/v1.png")).toBeNull();
    await expect(storage.delete("thumbnails/v1.png")).resolves.toBeUndefined();
  });

  it("returns null for a missing key", async () => {
    expect(await storage.get("thumbnails/none.png")).toBeNull();
  });

  it.each(["../escape.png", "thumbnails/../../escape.png", "/etc/passwd", "a//b", "a\\..\\b", "", "./x", "x.meta"])(
    "refuses the key %j",
    async (key) => {
      await expect(storage.put(key, Buffer.from("x"), "text/plain")).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.delete(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      expect(existsSync(join(root, "..", "escape.png"))).toBe(false);
    },
  );
});
