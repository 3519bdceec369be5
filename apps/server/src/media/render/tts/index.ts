// Which speech engine this server uses: a configured speech server wins; otherwise espeak-ng when
// it is installed; otherwise none, with the reason and what to install. The choice is a plain
// object (SpeechSpec), so the render thread can build the same engine on its side.
import type { Config } from "../../../config.js";
import { programVersion } from "../process.js";
import { espeakTts } from "./espeak.js";
import { type OpenAiTtsOptions, openAiTts } from "./openai.js";
import type { Tts } from "./types.js";

export type { Tts } from "./types.js";
export { TtsError } from "./types.js";

export type SpeechSpec =
  | { engine: "espeak-ng"; voice?: string; timeoutMs: number }
  | ({ engine: "openai" } & OpenAiTtsOptions);

export const NO_SPEECH =
  "No speech engine: install espeak-ng (Debian/Ubuntu: apt install espeak-ng) or set TTS_BASE_URL to an OpenAI-compatible speech server.";

export function createTts(spec: SpeechSpec): Tts {
  return spec.engine === "openai" ? openAiTts(spec) : espeakTts(spec);
}

export async function chooseSpeech(config: Config["video"]["tts"]): Promise<{ spec: SpeechSpec } | { reason: string }> {
  if (config.baseUrl) return { spec: { engine: "openai", ...config, baseUrl: config.baseUrl } };
  if (await programVersion("espeak-ng", "--version"))
    return { spec: { engine: "espeak-ng", voice: config.voice, timeoutMs: config.timeoutMs } };
  return { reason: NO_SPEECH };
}
