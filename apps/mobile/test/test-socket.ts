// The global WebSocket replaced by core's fake: the test opens it and pushes server messages through.
import { FakeRealtimeSocket } from "@lm/core/testing";

export class TestSocket extends FakeRealtimeSocket {
  static last: TestSocket | null = null;
  constructor(url: string) {
    super(url);
    TestSocket.last = this;
  }
  push(message: unknown) {
    this.receive(message);
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
