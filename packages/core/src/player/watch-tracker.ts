// Watch-time accounting shared by the web and mobile players: it adds up the real seconds a lesson
// plays (not seeks, not paused time, not media seconds at 2× speed) and says when to send a
// heartbeat (POST /videos/:id/watch). Pure: the host passes clock readings and sends the beats, so
// both players report alike and the rules are tested once. No DOM, React or zod here.

export interface WatchBeat {
  /** Where the lesson was when the beat was made, in seconds. */
  positionSec: number;
  /** Whole seconds played since the previous beat (1–60). */
  secondsWatched: number;
}

/** Send a beat after this much playing time. */
export const WATCH_FLUSH_EVERY_SEC = 30;
/** The server's upper bound for one beat. */
export const WATCH_BEAT_MAX_SEC = 60;

export class WatchTracker {
  private playingSince: number | null = null;
  private pendingMs = 0;
  private positionSec = 0;

  constructor(private readonly flushEverySec = WATCH_FLUSH_EVERY_SEC) {}

  get playing(): boolean {
    return this.playingSince !== null;
  }

  /** Playback started or resumed at `nowMs`. */
  play(nowMs: number, positionSec: number): void {
    this.positionSec = positionSec;
    if (this.playingSince === null) this.playingSince = nowMs;
  }

  /** While playing (a time update): the beats due now, if a flush period has been played. */
  tick(nowMs: number, positionSec: number): WatchBeat[] {
    this.accrue(nowMs);
    this.positionSec = positionSec;
    return this.pendingMs >= this.flushEverySec * 1000 ? this.take() : [];
  }

  /** Paused, ended, left or unloading: everything played so far, as beats to send now. */
  pause(nowMs: number, positionSec: number): WatchBeat[] {
    this.accrue(nowMs);
    this.playingSince = null;
    this.positionSec = positionSec;
    return this.take();
  }

  private accrue(nowMs: number) {
    if (this.playingSince === null) return;
    // A clock going backwards (a device setting its time) adds nothing.
    this.pendingMs += Math.max(0, nowMs - this.playingSince);
    this.playingSince = nowMs;
  }

  /** Whole seconds in beats of at most a minute; the fraction waits for the next beat. */
  private take(): WatchBeat[] {
    let whole = Math.floor(this.pendingMs / 1000);
    this.pendingMs -= whole * 1000;
    const beats: WatchBeat[] = [];
    const positionSec = Math.max(0, Math.round(this.positionSec * 100) / 100);
    while (whole > 0) {
      const secondsWatched = Math.min(WATCH_BEAT_MAX_SEC, whole);
      beats.push({ positionSec, secondsWatched });
      whole -= secondsWatched;
    }
    return beats;
  }
}
