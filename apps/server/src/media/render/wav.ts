// 16-bit PCM WAV in and out. Narration is measured from the samples themselves (not guessed from
// word counts), and segments are joined in memory: a 5-minute lesson at 22 kHz is ~13 MB.

/** Mono 16-bit audio. */
export interface Pcm {
  sampleRate: number;
  samples: Int16Array;
}

const PCM = 1;
const EXTENSIBLE = 0xfffe;

/**
 * Reads a PCM 16-bit WAV (mono or stereo, stereo is mixed down). Returns null for anything else
 * (MP3, float WAV, an HTML error page), which the caller hands to FFmpeg or rejects. Streaming
 * writers (espeak-ng --stdout, many HTTP servers) put 0xFFFFFFFF or a too-large size in the data
 * header, so the data runs to the end of the buffer in that case.
 */
export function parseWav(buf: Buffer): Pcm | null {
  if (buf.length < 44 || buf.toString("ascii", 0, 4) !== "RIFF" || buf.toString("ascii", 8, 12) !== "WAVE") return null;
  let offset = 12;
  let format: { channels: number; sampleRate: number; bits: number; tag: number } | null = null;
  // Bounded by the buffer: every chunk moves the offset forward by at least 8 bytes.
  while (offset + 8 <= buf.length) {
    const id = buf.toString("ascii", offset, offset + 4);
    const size = buf.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === "fmt ") {
      if (size < 16 || body + 16 > buf.length) return null;
      let tag = buf.readUInt16LE(body);
      if (tag === EXTENSIBLE && size >= 40 && body + 26 <= buf.length) tag = buf.readUInt16LE(body + 24);
      format = {
        tag,
        channels: buf.readUInt16LE(body + 2),
        sampleRate: buf.readUInt32LE(body + 4),
        bits: buf.readUInt16LE(body + 14),
      };
    } else if (id === "data") {
      if (!format || format.tag !== PCM || format.bits !== 16) return null;
      if (format.channels < 1 || format.channels > 2 || format.sampleRate < 8000 || format.sampleRate > 192_000)
        return null;
      const end = Math.min(buf.length, body + size);
      const frameBytes = 2 * format.channels;
      const frames = Math.floor((end - body) / frameBytes);
      if (format.channels === 1) {
        // One copy into an aligned buffer (WAV is little-endian, as is every CPU we run on).
        const copy = new Uint8Array(frames * 2);
        copy.set(buf.subarray(body, body + frames * 2));
        return { sampleRate: format.sampleRate, samples: new Int16Array(copy.buffer) };
      }
      const samples = new Int16Array(frames);
      for (let i = 0; i < frames; i++) {
        const at = body + i * frameBytes;
        samples[i] = Math.round((buf.readInt16LE(at) + buf.readInt16LE(at + 2)) / 2);
      }
      return { sampleRate: format.sampleRate, samples };
    }
    offset = body + size + (size % 2); // chunks are padded to an even length
  }
  return null;
}

export function encodeWav(pcm: Pcm): Buffer {
  const dataBytes = pcm.samples.length * 2;
  const out = Buffer.alloc(44 + dataBytes);
  out.write("RIFF", 0, "ascii");
  out.writeUInt32LE(36 + dataBytes, 4);
  out.write("WAVE", 8, "ascii");
  out.write("fmt ", 12, "ascii");
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(PCM, 20);
  out.writeUInt16LE(1, 22);
  out.writeUInt32LE(pcm.sampleRate, 24);
  out.writeUInt32LE(pcm.sampleRate * 2, 28);
  out.writeUInt16LE(2, 32);
  out.writeUInt16LE(16, 34);
  out.write("data", 36, "ascii");
  out.writeUInt32LE(dataBytes, 40);
  Buffer.from(pcm.samples.buffer, pcm.samples.byteOffset, dataBytes).copy(out, 44);
  return out;
}

export const pcmSeconds = (pcm: Pcm) => pcm.samples.length / pcm.sampleRate;

/** Peak absolute sample (0–32768): a clip whose peak is tiny is silence, not speech. */
export function peakLevel(pcm: Pcm): number {
  let peak = 0;
  const s = pcm.samples;
  // An indexed loop: a typed array's iterator is several times slower on millions of samples.
  for (let i = 0; i < s.length; i++) {
    const a = s[i] < 0 ? -s[i] : s[i];
    if (a > peak) peak = a;
  }
  return peak;
}

/** Joins clips, each followed by silence up to its slot length in seconds (all at one sample rate). */
export function joinWithSilence(clips: Array<{ pcm: Pcm; slotSeconds: number }>, sampleRate: number): Pcm {
  const lengths = clips.map((c) => Math.round(c.slotSeconds * sampleRate));
  const out = new Int16Array(lengths.reduce((a, b) => a + b, 0));
  let at = 0;
  clips.forEach((c, i) => {
    out.set(c.pcm.samples.subarray(0, lengths[i]), at);
    at += lengths[i];
  });
  return { sampleRate, samples: out };
}
