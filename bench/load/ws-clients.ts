// Load generator, WebSocket half (its own process): opens N sockets through nginx, each from one of
// many loopback addresses (127.0.0.x, as students behind different IPs), each subscribed to a lesson
// channel and its student's own user channel. The orchestrator sends `probe` messages (a lesson and
// the moment its rating was sent); every socket on that lesson records when the rating.updated event
// reached it. On `report` it answers with the delivery latencies and the sockets' health.
import { readFileSync } from "node:fs";
import { WebSocket } from "ws";

interface Setup {
  url: string;
  clients: number;
  ips: number;
  users: { id: string; token: string }[];
  lessons: string[];
}
type Msg = { type: string; channel?: string; event?: string };

const setup = JSON.parse(readFileSync(process.argv[2], "utf8")) as Setup;
const sockets: { ws: WebSocket; lesson: string; ready: boolean }[] = [];
const probes = new Map<string, number>(); // lesson → when its rating was sent (ms since epoch)
const latencies: number[] = [];
let errors = 0;
let closed = 0;
let refused = 0;

function open(i: number): Promise<void> {
  const user = setup.users[i % setup.users.length];
  const lesson = setup.lessons[i % setup.lessons.length];
  const localAddress = `127.0.0.${2 + (i % setup.ips)}`;
  return new Promise((resolve) => {
    const ws = new WebSocket(`${setup.url}?access_token=${user.token}`, { localAddress, rejectUnauthorized: false });
    const entry = { ws, lesson, ready: false };
    sockets.push(entry);
    let pending = 2;
    ws.on("open", () => {
      ws.send(JSON.stringify({ type: "subscribe", channel: `video:${lesson}` }));
      ws.send(JSON.stringify({ type: "subscribe", channel: `user:${user.id}` }));
    });
    ws.on("message", (data) => {
      const m = JSON.parse(String(data)) as Msg;
      if (m.type === "subscribed" && --pending === 0) {
        entry.ready = true;
        resolve();
      } else if (m.type === "error") {
        errors++;
        resolve();
      } else if (m.type === "event" && m.event === "rating.updated" && m.channel === `video:${lesson}`) {
        const sent = probes.get(lesson);
        if (sent) latencies.push(Date.now() - sent);
      }
    });
    ws.on("unexpected-response", () => {
      refused++;
      resolve();
    });
    ws.on("error", () => {
      errors++;
      resolve();
    });
    ws.on("close", () => {
      if (entry.ready) closed++;
      resolve();
    });
  });
}

async function openAll() {
  const started = Date.now();
  let next = 0;
  // 200 handshakes in flight at a time: a crowd arriving, not a single burst of 10,000.
  await Promise.all(
    Array.from({ length: 200 }, async () => {
      while (next < setup.clients) await open(next++);
    }),
  );
  const ready = sockets.filter((s) => s.ready).length;
  process.send?.({ type: "opened", ready, refused, errors, seconds: (Date.now() - started) / 1000 });
}

process.on("message", (m: { type: string; lesson?: string; sentAt?: number }) => {
  if (m.type === "probe" && m.lesson && m.sentAt) {
    probes.set(m.lesson, m.sentAt);
    // The rating is sent only after this ack: an event that overtook the probe message would be
    // timed from the lesson's previous probe (20 lessons × 2 s = 40 s earlier).
    process.send?.({ type: "probe-ack", lesson: m.lesson });
  }
  if (m.type === "report") {
    process.send?.({
      type: "report",
      latencies,
      ready: sockets.filter((s) => s.ready && s.ws.readyState === WebSocket.OPEN).length,
      closed,
      errors,
      refused,
      rssMb: Math.round(process.memoryUsage().rss / 1048576),
    });
  }
  if (m.type === "stop") {
    for (const s of sockets) s.ws.terminate();
    setTimeout(() => process.exit(0), 200);
  }
});

void openAll();
