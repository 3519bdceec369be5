// espeak-ng as a process: the offline default. Text goes in on stdin (no shell, no argv
// injection), WAV comes out on stdout. Fast (~100× real time) and robotic, but always there once
// the Debian package is installed.
import { ProcessError, runProcess } from "../process.js";
import { type Tts, TtsError } from "./types.js";

/** Words a minute: a little under espeak-ng's 175 default, easier to follow for study material. */
const SPEED = 160;

export function espeakTts(opts: { command?: string; voice?: string; timeoutMs: number }): Tts {
  const command = opts.command ?? "espeak-ng";
  const voice = opts.voice ?? "en-us";
  return {
    name: "espeak-ng",
    voice,
    maxChars: 20_000,
    async synthesize(text, signal) {
      try {
        // -b 1: the input is UTF-8; --stdout: a WAV on stdout.
        return await runProcess(command, ["-v", voice, "-s", String(SPEED), "-b", "1", "--stdout"], {
          input: text,
          signal,
          timeoutMs: opts.timeoutMs,
        });
      } catch (err) {
        const timedOut = err instanceof ProcessError && err.reason === "timeout";
        throw new TtsError(
          "speech_failed",
          timedOut ? "espeak-ng took too long to speak the narration." : `espeak-ng failed: ${(err as Error).message}`,
          timedOut,
          { cause: err },
        );
      }
    },
  };
}
