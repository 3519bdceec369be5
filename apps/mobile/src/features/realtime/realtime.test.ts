// Unit: the shared realtime socket (subscribe, dispatch, reconnect) over a fake WebSocket.
import { Realtime, realtimeUrl } from "./realtime";

class FakeSocket {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: unknown[] = [];
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
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
}

describe("realtime", () => {
  beforeEach(() => {
    FakeSocket.all = [];
  });

  test("the socket URL follows the API base URL and carries the token", () => {
    expect(realtimeUrl("https://lm.example/api/v1", "tok")).toBe("wss://lm.example/api/v1/realtime?access_token=tok");
    expect(realtimeUrl("http://localhost:3000/api/v1/", undefined)).toBe("ws://localhost:3000/api/v1/realtime");
  });

  test("subscribes once open and delivers events for that channel only", () => {
    const rt = new Realtime(
      () => "ws://x/realtime",
      (u) => new FakeSocket(u),
    );
    const got: string[] = [];
    rt.subscribe("video:1", (e) => got.push(e.event));
    const socket = FakeSocket.all[0];
    socket.open();
    expect(socket.sent).toEqual([{ type: "subscribe", channel: "video:1" }]);
    socket.onmessage?.({
      data: JSON.stringify({ type: "event", channel: "video:1", event: "comment.created", data: {} }),
    });
    socket.onmessage?.({
      data: JSON.stringify({ type: "event", channel: "video:2", event: "rating.updated", data: {} }),
    });
    socket.onmessage?.({ data: "not json" });
    expect(got).toEqual(["comment.created"]);
    expect(rt.isLive()).toBe(true);
  });

  test("reconnects after the socket drops and subscribes again", () => {
    jest.useFakeTimers();
    const rt = new Realtime(
      () => "ws://x/realtime",
      (u) => new FakeSocket(u),
    );
    rt.subscribe("user:me", () => undefined);
    FakeSocket.all[0].open();
    FakeSocket.all[0].onclose?.({});
    expect(rt.isLive()).toBe(false);
    jest.advanceTimersByTime(1000);
    expect(FakeSocket.all).toHaveLength(2);
    FakeSocket.all[1].open();
    expect(FakeSocket.all[1].sent).toEqual([{ type: "subscribe", channel: "user:me" }]);
    jest.useRealTimers();
  });

  test("the last unsubscribe closes the socket", () => {
    const rt = new Realtime(
      () => "ws://x/realtime",
      (u) => new FakeSocket(u),
    );
    const off = rt.subscribe("video:1", () => undefined);
    FakeSocket.all[0].open();
    off();
    expect(FakeSocket.all[0].readyState).toBe(3);
    expect(rt.isLive()).toBe(false);
  });
});
