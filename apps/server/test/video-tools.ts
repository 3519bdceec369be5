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
    r_frame_rate?: string;
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

/**
 * The frame on screen at second `t` of a constant-frame-rate video, as raw RGB (1280×720×3 bytes).
 * FFmpeg's -ss yields the first frame at or after a time, so ask for the start of the frame
 * interval that holds `t`.
 */
export async function frameAt(file: string, t: number, fps: number): Promise<Buffer> {
  const shownSince = Math.floor(t * fps + 1e-6) / fps;
  const { stdout } = await run(
    "ffmpeg",
    [
      "-v",
      "error",
      "-ss",
      shownSince.toFixed(3),
      "-i",
      file,
      "-frames:v",
      "1",
      "-f",
      "rawvideo",
      "-pix_fmt",
      "rgb24",
      "pipe:1",
    ],
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

/** The audio track decoded once, mono 16-bit; rms(from, to) is its level (0–1) between two seconds. */
export async function audioTrack(file: string) {
  const rate = 16_000;
  const { stdout } = await run(
    "ffmpeg",
    ["-v", "error", "-i", file, "-vn", "-ac", "1", "-ar", String(rate), "-f", "s16le", "-c:a", "pcm_s16le", "pipe:1"],
    { encoding: "buffer", maxBuffer: MAX },
  );
  const samples = new Int16Array(stdout.buffer, stdout.byteOffset, Math.floor(stdout.length / 2));
  return {
    rms(from: number, to: number): number {
      const a = Math.max(0, Math.round(from * rate));
      const b = Math.min(samples.length, Math.round(to * rate));
      if (b <= a) return 0;
      let sum = 0;
      for (let i = a; i < b; i++) sum += (samples[i] / 32768) ** 2;
      return Math.sqrt(sum / (b - a));
    },
  };
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
