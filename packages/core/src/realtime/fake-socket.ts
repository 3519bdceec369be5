// A stand-in WebSocket for tests of the realtime client, here and in both apps: it records what
// the client sends, and the test opens it, drops it and pushes server messages through it.
// Exported as `@lm/core/testing`, never from the package's main entry.
import type { RealtimeSocket } from "./client.js";

export class FakeRealtimeSocket implements RealtimeSocket {
  readyState = 0;
  /** Every message the client sent, parsed. */
  sent: unknown[] = [];
  onopen: ((event?: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event?: unknown) => void) | null = null;
  onerror: ((event?: unknown) => void) | null = null;
  constructor(readonly url: string) {}
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
  /** The server (or the network) ends the connection. */
  drop() {
    this.readyState = 3;
    this.onclose?.({});
  }
  /** A message from the server: objects are sent as JSON, strings as they are. */
  receive(data: unknown) {
    this.onmessage?.({ data: typeof data === "string" ? data : JSON.stringify(data) });
  }
}
