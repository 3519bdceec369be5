// Narration through the browser's speech synthesis, when the browser has it.
export function canNarrate(): boolean {
  return (
    typeof window !== "undefined" && "speechSynthesis" in window && typeof SpeechSynthesisUtterance !== "undefined"
  );
}

export function speak(text: string, rate: number): void {
  if (!canNarrate() || !text) return;
  const u = new SpeechSynthesisUtterance(text);
  u.rate = rate;
  window.speechSynthesis.speak(u);
}

export function stopSpeaking(): void {
  if (canNarrate()) window.speechSynthesis.cancel();
}
