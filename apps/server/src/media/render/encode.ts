// FFmpeg: still frames (the concat demuxer, one entry per frame with its duration) plus the
// narration → H.264 + AAC in an MP4 with the index up front (faststart), the thumbnail as cover.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { runProcess } from "./process.js";

/**
 * Slides are still for seconds at a time: 2 frames a second places a sentence's bullet within a
 * quarter second (key points start on whole seconds, exactly) and costs x264 2.5× less than 5.
 */
export const FPS = 2;

export interface EncodeInput {
  ffmpeg: string;
  dir: string;
  frames: Array<{ file: string; start: number; end: number }>;
  narrationWav: string;
  poster?: string;
  duration: number;
  threads: number;
  title: string;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

export async function encodeMp4(input: EncodeInput): Promise<string> {
  const list = join(input.dir, "frames.ffconcat");
  const lines = ["ffconcat version 1.0"];
  for (const f of input.frames) lines.push(`file '${f.file}'`, `duration ${(f.end - f.start).toFixed(3)}`);
  // The demuxer ignores the last entry's duration unless the file is listed once more.
  lines.push(`file '${input.frames[input.frames.length - 1].file}'`);
  await writeFile(list, `${lines.join("\n")}\n`);
  const out = join(input.dir, "video.mp4");
  // A keyframe where each scene starts: seeking to a key point lands on a clean frame at once.
  const keyframes = [...new Set(input.frames.map((f) => f.start.toFixed(3)))].join(",");
  const threads = String(input.threads);
  const args = [
    "-nostdin",
    "-v",
    "error",
    "-y",
    "-progress",
    "pipe:1",
    "-nostats",
    "-threads",
    threads,
    "-f",
    "concat",
    "-safe",
    "0",
    "-i",
    list,
    "-i",
    input.narrationWav,
    ...(input.poster ? ["-i", input.poster] : []),
    "-map",
    "0:v",
    "-map",
    "1:a",
    ...(input.poster ? ["-map", "2:v"] : []),
    "-filter_threads",
    threads,
    "-filter:v:0",
    // Convert each slide to YUV once, then repeat it: converting after fps= would redo every frame.
    `format=yuv420p,fps=${FPS}`,
    "-c:v:0",
    "libx264",
    "-preset",
    "veryfast",
    "-tune",
    "stillimage",
    "-crf",
    "26",
    "-profile:v:0",
    "high",
    "-level:v:0",
    "3.1",
    "-g",
    String(FPS * 10),
    "-force_key_frames:v:0",
    keyframes,
    "-threads",
    threads,
    ...(input.poster ? ["-c:v:1", "png", "-disposition:v:1", "attached_pic"] : []),
    // The narration's own rate (espeak-ng: 22.05 kHz, speech servers: 24 kHz), mono. FFmpeg's "fast"
    // AAC coder is 5× cheaper than its default and indistinguishable on speech at 64 kb/s.
    "-c:a",
    "aac",
    "-aac_coder",
    "fast",
    "-b:a",
    "64k",
    "-ac",
    "1",
    "-t",
    String(input.duration),
    "-movflags",
    "+faststart",
    "-metadata",
    `title=${input.title}`,
    out,
  ];
  let pending = "";
  await runProcess(input.ffmpeg, args, {
    signal: input.signal,
    onStdout: (chunk) => {
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        const m = /^out_time_us=(\d+)/.exec(line);
        if (m && input.onProgress) input.onProgress(Math.min(1, Number(m[1]) / 1e6 / input.duration));
      }
    },
  });
  return out;
}
