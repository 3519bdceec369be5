// `npm run model:pull`: downloads a recommended small instruct model (GGUF) into ./data/models
// with a progress bar and prints the LLM_MODEL_PATH to use. Resumes a partial download.
import { createWriteStream, existsSync, statSync } from "node:fs";
import { mkdir, open, rename } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

export const RECOMMENDED_MODELS = {
  "1.5b": {
    file: "qwen2.5-1.5b-instruct-q4_k_m.gguf",
    url: "https://huggingface.co/Qwen/Qwen2.5-1.5B-Instruct-GGUF/resolve/main/qwen2.5-1.5b-instruct-q4_k_m.gguf",
    about: "Qwen2.5 1.5B Instruct, Q4_K_M (~1.1 GB): good lessons on a laptop CPU",
  },
  "0.5b": {
    file: "qwen2.5-0.5b-instruct-q4_k_m.gguf",
    url: "https://huggingface.co/Qwen/Qwen2.5-0.5B-Instruct-GGUF/resolve/main/qwen2.5-0.5b-instruct-q4_k_m.gguf",
    about: "Qwen2.5 0.5B Instruct, Q4_K_M (~400 MB): fastest, simpler lessons",
  },
} as const;

export interface PullOptions {
  url: string;
  file: string;
  destDir: string;
  /** Where progress goes; stderr by default so stdout carries only the result. */
  progress?: NodeJS.WritableStream & { isTTY?: boolean };
}

export class ModelPullError extends Error {}

function bar(done: number, total: number | null, width = 30): string {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  if (!total) return `${mb(done)} MB`;
  const filled = Math.round((done / total) * width);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${((done / total) * 100).toFixed(1)}% ${mb(done)}/${mb(total)} MB`;
}

/** Downloads `url` to `destDir/file` and returns the absolute path. */
export async function pullModel(opts: PullOptions): Promise<string> {
  const out = opts.progress ?? process.stderr;
  await mkdir(opts.destDir, { recursive: true });
  const target = resolve(join(opts.destDir, opts.file));
  if (existsSync(target)) return target;
  const part = `${target}.part`;
  const have = existsSync(part) ? statSync(part).size : 0;
  let res: Response;
  try {
    res = await fetch(opts.url, { headers: have > 0 ? { range: `bytes=${have}-` } : {}, redirect: "follow" });
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new ModelPullError(
      `Could not reach ${new URL(opts.url).host} (${cause?.code ?? cause?.message ?? String(err)}). ` +
        "Downloading a model needs an internet connection. You can also download the file elsewhere, " +
        `copy it to ${target} and set LLM_MODEL_PATH to that path.`,
    );
  }
  if (!res.ok || !res.body) throw new ModelPullError(`The download failed: HTTP ${res.status} from ${opts.url}.`);
  const resumed = res.status === 206;
  const length = Number(res.headers.get("content-length")) || null;
  const total = length === null ? null : length + (resumed ? have : 0);
  let done = resumed ? have : 0;
  let lastDraw = 0;
  const file = createWriteStream(part, { flags: resumed ? "a" : "w" });
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      if (!file.write(chunk)) await new Promise<void>((r) => file.once("drain", () => r()));
      done += chunk.length;
      const now = Date.now();
      if (now - lastDraw > 200) {
        lastDraw = now;
        out.write(out.isTTY ? `\r${bar(done, total)}` : `${bar(done, total)}\n`);
      }
    }
  } catch (err) {
    throw new ModelPullError(`The download was interrupted (${String(err)}); run the command again to resume.`);
  } finally {
    await new Promise<void>((r) => file.end(() => r()));
  }
  out.write(`${out.isTTY ? "\r" : ""}${bar(done, total)}\n`);
  const fh = await open(part, "r");
  const magic = Buffer.alloc(4);
  await fh.read(magic, 0, 4, 0);
  await fh.close();
  if (magic.toString("ascii") !== "GGUF") throw new ModelPullError("The downloaded file is not a GGUF model.");
  await rename(part, target);
  return target;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const size = (args.find((a) => a in RECOMMENDED_MODELS) ?? "1.5b") as keyof typeof RECOMMENDED_MODELS;
  const choice = RECOMMENDED_MODELS[size];
  const destDir = join(process.env.DATA_DIR ?? "./data", "models");
  process.stderr.write(`Downloading ${choice.about}\nfrom ${choice.url}\n`);
  try {
    const path = await pullModel({ url: choice.url, file: choice.file, destDir });
    process.stdout.write(`\nModel ready. Start the server with:\n  LLM_MODEL_PATH=${path} npm start\n`);
  } catch (err) {
    process.stderr.write(`\nmodel:pull failed: ${err instanceof ModelPullError ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) void main();
