// model:pull against a local HTTP server: downloads with progress, resumes, and fails clearly offline.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ModelPullError, pullModel } from "./model-pull.js";

const body = Buffer.concat([Buffer.from("GGUF"), Buffer.alloc(200_000, 7)]);
let server: Server;
let base: string;
const ranges: Array<string | undefined> = [];
const dir = mkdtempSync(join(tmpdir(), "lm-pull-"));

beforeAll(async () => {
  server = createServer((req, res) => {
    ranges.push(req.headers.range);
    const from = req.headers.range ? Number(/bytes=(\d+)-/.exec(req.headers.range)?.[1] ?? 0) : 0;
    res.writeHead(from > 0 ? 206 : 200, { "content-length": body.length - from });
    res.end(body.subarray(from));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe("model:pull", () => {
  it("downloads the model, drawing a progress bar", async () => {
    const progress = new PassThrough();
    let printed = "";
    progress.on("data", (c) => {
      printed += c;
    });
    const path = await pullModel({ url: `${base}/m.gguf`, file: "m.gguf", destDir: dir, progress });
    expect(readFileSync(path).equals(body)).toBe(true);
    expect(printed).toMatch(/100\.0%/);
  });

  it("resumes a partial download with a Range request", async () => {
    writeFileSync(join(dir, "r.gguf.part"), body.subarray(0, 1000));
    const path = await pullModel({ url: `${base}/r.gguf`, file: "r.gguf", destDir: dir, progress: new PassThrough() });
    expect(ranges.at(-1)).toBe("bytes=1000-");
    expect(readFileSync(path).equals(body)).toBe(true);
  });

  it("explains a network failure instead of crashing", async () => {
    const err = await pullModel({
      url: "http://127.0.0.1:9/none.gguf",
      file: "none.gguf",
      destDir: dir,
      progress: new PassThrough(),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelPullError);
    expect((err as Error).message).toMatch(/internet connection/);
    expect((err as Error).message).toMatch(/LLM_MODEL_PATH/);
    expect(existsSync(join(dir, "none.gguf"))).toBe(false);
  });
});
