// Which speech engine this server uses: a configured speech server wins; otherwise espeak-ng when
// it is installed; otherwise none, with the reason and what to install.
import type { Config } from "../../../config.js";
import { programVersion } from "../process.js";
import { espeakTts } from "./espeak.js";
import { openAiTts } from "./openai.js";
import type { Tts } from "./types.js";

export type { Tts } from "./types.js";
export { TtsError } from "./types.js";

export const NO_SPEECH =
  "No speech engine: install espeak-ng (Debian/Ubuntu: apt install espeak-ng) or set TTS_BASE_URL to an OpenAI-compatible speech server.";

export async function chooseTts(config: Config["video"]["tts"]): Promise<{ tts: Tts } | { reason: string }> {
  if (config.baseUrl) return { tts: openAiTts({ ...config, baseUrl: config.baseUrl }) };
  if (await programVersion("espeak-ng", "--version"))
    return { tts: espeakTts({ voice: config.voice, timeoutMs: config.timeoutMs }) };
  return { reason: NO_SPEECH };
}
