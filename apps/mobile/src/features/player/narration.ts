// Reads captions aloud with the platform voice (expo-speech; the Web Speech API in browsers).
import * as Speech from "expo-speech";

export function speak(text: string, rate = 1): void {
  try {
    void Speech.stop();
    Speech.speak(text, { rate });
  } catch {
    // No voice on this device or browser: the captions still carry the lesson.
  }
}

export function stopSpeaking(): void {
  try {
    void Speech.stop();
  } catch {
    // Nothing was speaking.
  }
}
