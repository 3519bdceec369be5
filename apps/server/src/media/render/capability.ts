// Can this worker make videos? Decided once at start-up: the speech engine (tts/index.ts) and
// FFmpeg must both be there; otherwise lessons still publish and say plainly what is missing.
import type { Config } from "../../config.js";
import type { MediaFailureCode } from "./errors.js";
import { registerFonts } from "./frames/fonts.js";
import { programVersion } from "./process.js";
import type { Renderer } from "./render-lesson.js";
import { chooseSpeech, createTts, type SpeechSpec } from "./tts/index.js";

export interface RenderCapability {
  renderer: Renderer | null;
  /** Why there is no renderer (null when there is one). */
  unavailable: { code: MediaFailureCode; reason: string } | null;
  /** The speech engine found, even when the encoder is missing (GET /capabilities reports it). */
  speech?: SpeechSpec["engine"] | null;
  /** What was found, for the start-up log. */
  detail: string;
}

export const NO_ENCODER = "No video encoder: install FFmpeg (Debian/Ubuntu: apt install ffmpeg) or set FFMPEG_PATH.";

export async function detectRenderCapability(config: Config["video"]): Promise<RenderCapability> {
  if (!config.render) {
    const reason = "Video rendering is switched off on this server (VIDEO_RENDER=false).";
    return { renderer: null, unavailable: { code: "render_disabled", reason }, detail: "off" };
  }
  const [speech, ffmpeg] = await Promise.all([chooseSpeech(config.tts), programVersion(config.ffmpegPath, "-version")]);
  const missing = [...("spec" in speech ? [] : [speech.reason]), ...(ffmpeg ? [] : [NO_ENCODER])];
  if (!("spec" in speech) || !ffmpeg) {
    const code = !("spec" in speech) ? "speech_unavailable" : "encoder_unavailable";
    return {
      renderer: null,
      speech: "spec" in speech ? speech.spec.engine : null,
      unavailable: { code, reason: `${missing.join(" ")} Lessons play as interactive slides until then.` },
      detail: missing.join(" "),
    };
  }
  // Decoding the font files takes a moment: do it now rather than in the middle of the first render.
  registerFonts();
  const tts = createTts(speech.spec);
  return {
    renderer: { speech: speech.spec, ffmpeg: config.ffmpegPath, threads: config.threads },
    speech: speech.spec.engine,
    unavailable: null,
    detail: `${tts.name} (${tts.voice}) + ${ffmpeg.replace(/\s+Copyright.*$/, "")}`,
  };
}
