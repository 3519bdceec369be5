// A test's WebSocket client for /api/v1/realtime: keeps every message, subscribes, waits for events.
import { WebSocket } from "ws";
import { type TestServer, waitFor } from "../harness.js";

export type Msg = { type: string; channel?: string; code?: string; event?: string; data?: Record<string, unknown> };

export async function connect(server: Pick<TestServer, "url">, token?: string) {
  const url = `${server.url.replace("http", "ws")}/api/v1/realtime${token ? `?access_token=${token}` : ""}`;
  const ws = new WebSocket(url);
  const messages: Msg[] = [];
  ws.on("message", (d) => messages.push(JSON.parse(d.toString())));
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  const closed = new Promise<number>((resolve) => ws.once("close", (code) => resolve(code)));
  return {
    ws,
    messages,
    closed,
    async subscribe(channel: string) {
      ws.send(JSON.stringify({ type: "subscribe", channel }));
      return waitFor(() =>
        messages.find((m) => m.channel === channel && (m.type === "subscribed" || m.type === "error")),
      );
    },
    event: (event: string, pred: (d: Record<string, unknown>) => boolean = () => true, timeoutMs = 5000) =>
      waitFor(() => messages.find((m) => m.type === "event" && m.event === event && pred(m.data ?? {})), timeoutMs),
  };
}
