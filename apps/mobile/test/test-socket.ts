// A WebSocket stand-in the test opens and pushes server messages through.
import type { RealtimeSocket } from "@lm/core";

export class TestSocket implements RealtimeSocket {
  static last: TestSocket | null = null;
  readyState = 0;
  sent: unknown[] = [];
  onopen: ((e: unknown) => void) | null = null;
  onclose: ((e: unknown) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  constructor(readonly url: string) {
    TestSocket.last = this;
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  push(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  /** Installs this class as the global WebSocket; returns a function that puts the old one back. */
  static install(): () => void {
    const g = globalThis as { WebSocket: unknown };
    const previous = g.WebSocket;
    g.WebSocket = TestSocket;
    return () => {
      g.WebSocket = previous;
    };
  }
}
