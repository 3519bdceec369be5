// Real tools for checking rendered videos in tests: ffprobe, FFmpeg frame and audio extraction,
// a WebVTT reader and a pixel comparison.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);
const MAX = 64 * 1024 * 1024;

export interface Probe {
  streams: Array<{
    codec_type: string;
    codec_name: string;
    width?: number;
    height?: number;
    duration?: string;
    disposition?: { attached_pic?: number };
  }>;
  format: { duration: string; format_name: string };
}

export async function ffprobe(file: string): Promise<Probe> {
  const { stdout } = await run(
    "ffprobe",
    ["-v", "error", "-print_format", "json", "-show_streams", "-show_format", file],
    {
      maxBuffer: MAX,
    },
  );
  return JSON.parse(stdout) as Probe;
}

/** The video frame shown at second `t`, as raw RGB (1280×720×3 bytes). */
export async function frameAt(file: string, t: number): Promise<Buffer> {
  const { stdout } = await run(
    "ffmpeg",
    ["-v", "error", "-ss", t.toFixed(3), "-i", file, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"],
    { encoding: "buffer", maxBuffer: MAX },
  );
  return stdout;
}

/** A PNG as raw RGB, decoded by FFmpeg the same way as a frame. */
export async function pngRgb(png: Buffer, path: string): Promise<Buffer> {
  const { writeFile } = await import("node:fs/promises");
  await writeFile(path, png);
  const { stdout } = await run("ffmpeg", ["-v", "error", "-i", path, "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"], {
    encoding: "buffer",
    maxBuffer: MAX,
  });
  return stdout;
}

/** Mean absolute difference per channel (0 = identical, 255 = opposite). */
export function pixelDistance(a: Buffer, b: Buffer): number {
  if (a.length !== b.length) return 255;
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum / a.length;
}

/** RMS level (0–1) of the audio track between two seconds. */
export async function audioRms(file: string, from: number, to: number): Promise<number> {
  const { stdout } = await run(
    "ffmpeg",
    [
      "-v",
      "error",
      "-ss",
      from.toFixed(3),
      "-t",
      (to - from).toFixed(3),
      "-i",
      file,
      "-vn",
      "-ac",
      "1",
      "-f",
      "s16le",
      "-c:a",
      "pcm_s16le",
      "pipe:1",
    ],
    { encoding: "buffer", maxBuffer: MAX },
  );
  const n = Math.floor(stdout.length / 2);
  if (n === 0) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (stdout.readInt16LE(i * 2) / 32768) ** 2;
  return Math.sqrt(sum / n);
}

export interface VttCue {
  start: number;
  end: number;
  text: string;
}

const seconds = (t: string) => {
  const m = /^(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})$/.exec(t);
  if (!m) throw new Error(`bad WebVTT timestamp ${t}`);
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000;
};

/** A strict reader for what we write: the WEBVTT header, then blocks of [id] / timing / text. */
export function parseVtt(text: string): VttCue[] {
  if (!/^WEBVTT(?:[ \t].*)?\r?\n/.test(text)) throw new Error("missing WEBVTT header");
  const blocks = text
    .split(/\r?\n\r?\n/)
    .slice(1)
    .filter((b) => b.trim());
  return blocks.map((block) => {
    const lines = block.replace(/\s+$/, "").split(/\r?\n/);
    const timing = lines.findIndex((l) => l.includes("-->"));
    if (timing < 0 || timing > 1) throw new Error(`cue without timing: ${block}`);
    const [start, end] = lines[timing].split(/\s+-->\s+/).map((t) => seconds(t.trim().split(/\s+/)[0]));
    const cueText = lines.slice(timing + 1).join("\n");
    if (!cueText.trim()) throw new Error(`cue without text: ${block}`);
    return { start, end, text: cueText };
  });
}
