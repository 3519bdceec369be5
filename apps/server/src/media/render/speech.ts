// Narration audio for a list of segments: speak each one, decode what came back, refuse garbage
// (not audio, silence, absurd lengths) with a reason, and bring every clip to one sample rate.
import { runProcess } from "./process.js";
import { type Tts, TtsError } from "./tts/types.js";
import { type Pcm, parseWav, pcmSeconds, peakLevel } from "./wav.js";

/** Below this peak (of 32768, about −40 dBFS) a clip is silence. */
const SILENT_PEAK = 330;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Splits text at sentence ends into pieces of at most `max` characters (a sentence longer than that at spaces). */
export function chunkText(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const pieces: string[] = [];
  let current = "";
  for (const part of text.split(/(?<=[.!?])\s+|\s+/)) {
    const next = current ? `${current} ${part}` : part;
    if (next.length <= max) current = next;
    else {
      if (current) pieces.push(current);
      current = part.slice(0, max);
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

function describe(bytes: Buffer): string {
  const head = bytes
    .subarray(0, 24)
    .toString("latin1")
    .replace(/[^\x20-\x7e]/g, "·");
  return `${bytes.length} bytes beginning "${head}"`;
}

/** WAV as is; anything else (MP3, Opus, float WAV) through FFmpeg; null when FFmpeg cannot decode it either. */
async function decode(bytes: Buffer, ffmpeg: string, sampleRate?: number, signal?: AbortSignal): Promise<Pcm | null> {
  const direct = parseWav(bytes);
  if (direct && (!sampleRate || direct.sampleRate === sampleRate)) return direct;
  try {
    const rate = sampleRate ? ["-ar", String(sampleRate)] : [];
    const wav = await runProcess(
      ffmpeg,
      ["-v", "error", "-i", "pipe:0", "-vn", "-ac", "1", ...rate, "-c:a", "pcm_s16le", "-f", "wav", "pipe:1"],
      { input: bytes, signal, timeoutMs: 60_000 },
    );
    return parseWav(wav);
  } catch {
    if (signal?.aborted) throw new Error("aborted");
    return null;
  }
}

/** Decodes one spoken clip and checks that it is plausibly speech of `text`. */
export async function decodeSpeech(
  tts: Tts,
  bytes: Buffer,
  text: string,
  ffmpeg: string,
  sampleRate: number | undefined,
  signal?: AbortSignal,
): Promise<Pcm> {
  const who = tts.name === "espeak-ng" ? "espeak-ng" : "The speech server";
  const pcm = await decode(bytes, ffmpeg, sampleRate, signal);
  if (!pcm)
    throw new TtsError("speech_bad_audio", `${who} returned something that is not audio (${describe(bytes)}).`, false);
  const seconds = pcmSeconds(pcm);
  const n = words(text);
  if (seconds < Math.min(0.3, 0.1 * n) || peakLevel(pcm) < SILENT_PEAK)
    throw new TtsError("speech_bad_audio", `${who} returned silence for ${n} words of narration.`, false);
  // 20 words a minute is slower than any voice reads; longer than that is a broken or looping clip.
  if (seconds > 10 + n * 3)
    throw new TtsError(
      "speech_bad_audio",
      `${who} returned ${Math.round(seconds)} s of audio for ${n} words of narration.`,
      false,
    );
  return pcm;
}

/** Speaks every segment in order; every clip comes back at the first clip's sample rate. */
export async function speakSegments(
  tts: Tts,
  texts: string[],
  ffmpeg: string,
  opts: { signal?: AbortSignal; onClip?: (done: number) => void } = {},
): Promise<Pcm[]> {
  const clips: Pcm[] = [];
  let rate: number | undefined;
  for (const text of texts) {
    const parts: Pcm[] = [];
    for (const piece of chunkText(text, tts.maxChars)) {
      const bytes = await tts.synthesize(piece, opts.signal);
      const pcm = await decodeSpeech(tts, bytes, piece, ffmpeg, rate, opts.signal);
      rate ??= pcm.sampleRate;
      parts.push(pcm);
    }
    const samples = new Int16Array(parts.reduce((n, p) => n + p.samples.length, 0));
    let at = 0;
    for (const p of parts) {
      samples.set(p.samples, at);
      at += p.samples.length;
    }
    clips.push({ sampleRate: rate ?? 22_050, samples });
    opts.onClip?.(clips.length);
  }
  return clips;
}
