// The browser WebSocket replaced by core's fake: records what the app sends and lets a test push
// events (emit).
import { FakeRealtimeSocket } from "@lm/core/testing";
import { vi } from "vitest";

export class FakeSocket extends FakeRealtimeSocket {
  static instances: FakeSocket[] = [];
  constructor(url: string) {
    super(url);
    FakeSocket.instances.push(this);
  }
  emit(message: unknown) {
    this.receive(message);
  }
}

export function installFakeSocket() {
  FakeSocket.instances = [];
  vi.stubGlobal("WebSocket", FakeSocket);
  return () => FakeSocket.instances[FakeSocket.instances.length - 1];
}
