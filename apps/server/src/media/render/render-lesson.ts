// One lesson → a narrated MP4 with captions and chapters, in a working directory:
// segments → speech (measured) → timeline → frames → FFmpeg. No database, no storage: the job
// (job.ts) feeds it a lesson and keeps what it returns.
import { stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { encodeMp4 } from "./encode.js";
import { RenderError } from "./errors.js";
import { planScenes, type SlideLesson } from "./frames/plan.js";
import { drawScene } from "./frames/slides.js";
import { type LessonText, narrationSegments, segmentText } from "./narration.js";
import { ProcessError } from "./process.js";
import { speakSegments } from "./speech.js";
import { buildTimeline, type Timeline } from "./timeline.js";
import { createTts, type SpeechSpec } from "./tts/index.js";
import { TtsError } from "./tts/types.js";
import { toWebVtt } from "./vtt.js";
import { encodeWav, joinWithSilence, pcmSeconds } from "./wav.js";

export type RenderLessonInput = SlideLesson & LessonText;

/** How to render, as plain data (it crosses into the render thread). */
export interface Renderer {
  speech: SpeechSpec;
  ffmpeg: string;
  threads: number;
}

export interface RenderedLesson {
  mp4: string;
  sizeBytes: number;
  captions: string;
  chapters: string;
  timeline: Timeline;
}

export interface RenderOptions {
  /** An empty directory the render may fill; the caller removes it. */
  dir: string;
  /** The thumbnail, embedded as the MP4's cover picture. */
  poster?: Buffer;
  signal?: AbortSignal;
  /** 0–100 as the work advances. */
  onProgress?: (percent: number) => void;
}

function asRenderError(err: unknown, step: "speech" | "encode"): unknown {
  if (err instanceof RenderError || err instanceof TtsError) return err;
  if (err instanceof ProcessError) {
    if (err.reason === "aborted") return err;
    if (err.reason === "missing")
      return new RenderError(
        "encoder_unavailable",
        "FFmpeg is not installed (apt install ffmpeg) or FFMPEG_PATH is wrong.",
        false,
        { cause: err },
      );
    return new RenderError(
      step === "encode" ? "encode_failed" : "speech_failed",
      `${step === "encode" ? "FFmpeg could not encode the video" : "The narration could not be decoded"}: ${err.message}`.slice(
        0,
        500,
      ),
      err.reason === "timeout",
      { cause: err },
    );
  }
  return err;
}

export async function renderLesson(
  lesson: RenderLessonInput,
  r: Renderer,
  opts: RenderOptions,
): Promise<RenderedLesson> {
  const progress = (p: number) => opts.onProgress?.(Math.max(0, Math.min(100, Math.round(p))));
  const segments = narrationSegments(lesson);
  const texts = segments.map(segmentText);

  let clips: Awaited<ReturnType<typeof speakSegments>>;
  try {
    clips = await speakSegments(createTts(r.speech), texts, r.ffmpeg, {
      signal: opts.signal,
      onClip: (done) => progress((45 * done) / texts.length),
    });
  } catch (err) {
    throw asRenderError(err, "speech");
  }
  const seconds = clips.map(pcmSeconds);
  const timeline = buildTimeline(segments, seconds, lesson.keyPoints);
  const sampleRate = clips[0]?.sampleRate ?? 22_050;
  const narrationWav = join(opts.dir, "narration.wav");
  await writeFile(
    narrationWav,
    encodeWav(
      joinWithSilence(
        clips.map((pcm, i) => ({ pcm, slotSeconds: timeline.segments[i].end - timeline.segments[i].start })),
        sampleRate,
      ),
    ),
  );

  const scenes = planScenes(lesson, segments, timeline);
  const frames: Array<{ file: string; start: number; end: number }> = [];
  for (const [i, s] of scenes.entries()) {
    const file = join(opts.dir, `frame-${String(i).padStart(3, "0")}.png`);
    await writeFile(file, await drawScene(s.scene));
    frames.push({ file, start: s.start, end: s.end });
    progress(45 + (15 * (i + 1)) / scenes.length);
  }
  let poster: string | undefined;
  if (opts.poster) {
    poster = join(opts.dir, "poster.png");
    await writeFile(poster, opts.poster);
  }

  let mp4: string;
  try {
    mp4 = await encodeMp4({
      ffmpeg: r.ffmpeg,
      dir: opts.dir,
      frames,
      narrationWav,
      poster,
      duration: timeline.duration,
      threads: r.threads,
      title: lesson.title,
      signal: opts.signal,
      onProgress: (f) => progress(60 + 38 * f),
    });
  } catch (err) {
    throw asRenderError(err, "encode");
  }
  return {
    mp4,
    sizeBytes: (await stat(mp4)).size,
    captions: toWebVtt(timeline.cues),
    chapters: toWebVtt(timeline.chapters),
    timeline,
  };
}
