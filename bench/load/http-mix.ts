// Load generator, HTTP half (its own process): `concurrency` closed loops through nginx (HTTPS,
// keep-alive) for `seconds`, each request a weighted pick of what students do: the feed, a search,
// a lesson, a rating, a comment, their planner. Students are spread over many loopback addresses
// (127.0.0.x) and many accounts, as real traffic is. Sends back per-endpoint latencies and failures.
import { readFileSync } from "node:fs";
import { Agent, request } from "undici";

interface Setup {
  base: string;
  seconds: number;
  concurrency: number;
  ips: number;
  users: { id: string; token: string }[];
  lessons: string[];
  /** Lessons the WebSocket probes rate: the mix leaves them alone so each event has one known cause. */
  probeLessons: string[];
}

const setup = JSON.parse(readFileSync(process.argv[2], "utf8")) as Setup;
const agents = Array.from(
  { length: setup.ips },
  (_, i) =>
    new Agent({
      localAddress: `127.0.0.${2 + i}`,
      connect: { rejectUnauthorized: false },
      connections: 4,
      pipelining: 1,
    }),
);
const WORDS = ["photosynthesis", "algebra", "revolution", "demand", "newton", "cell", "energy"];
const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];
const rateable = setup.lessons.filter((l) => !setup.probeLessons.includes(l));

type Shot = { name: string; method: "GET" | "POST"; path: string; body?: unknown; ok: number };
const MIX: [weight: number, make: () => Shot][] = [
  [30, () => ({ name: "feed", method: "GET", path: "/videos?limit=20", ok: 200 })],
  [15, () => ({ name: "search", method: "GET", path: `/videos?limit=20&q=${pick(WORDS)}`, ok: 200 })],
  [25, () => ({ name: "lesson", method: "GET", path: `/videos/${pick(setup.lessons)}`, ok: 200 })],
  [
    8,
    () => ({
      name: "rate",
      method: "POST",
      path: "/ratings",
      body: { videoId: pick(rateable), stars: 1 + Math.floor(Math.random() * 5) },
      ok: 200,
    }),
  ],
  [
    5,
    () => ({
      name: "comment",
      method: "POST",
      path: "/comments",
      body: { videoId: pick(rateable), text: `Thanks, the part about ${pick(WORDS)} helped me.` },
      ok: 201,
    }),
  ],
  [
    17,
    () => ({
      name: "planner",
      method: "GET",
      path: `/planner/events?from=2026-12-01T00:00:00Z&to=2027-01-01T00:00:00Z`,
      ok: 200,
    }),
  ],
];
const total = MIX.reduce((s, [w]) => s + w, 0);
function nextShot(): Shot {
  let r = Math.random() * total;
  for (const [w, make] of MIX) {
    r -= w;
    if (r < 0) return make();
  }
  return MIX[0][1]();
}

/** The problem's code when the API answered, or what nginx's own error page says it was. */
function whoRefused(body: string): string {
  try {
    return `api:${(JSON.parse(body) as { code?: string }).code ?? "?"}`;
  } catch {
    const title = /<title>([^<]*)<\/title>/i.exec(body)?.[1];
    return title ? `nginx:${title}` : body.slice(0, 40);
  }
}

const latencies = new Map<string, number[]>();
const failures = new Map<string, Map<string, number>>();
const fail = (name: string, why: string) => {
  const m = failures.get(name) ?? new Map<string, number>();
  m.set(why, (m.get(why) ?? 0) + 1);
  failures.set(name, m);
};

async function loop(lane: number, until: number) {
  while (Date.now() < until) {
    const n = Math.floor(Math.random() * setup.users.length);
    const user = setup.users[n];
    const shot = nextShot();
    const started = performance.now();
    try {
      const res = await request(`${setup.base}/api/v1${shot.path}`, {
        method: shot.method,
        dispatcher: agents[(lane + n) % agents.length],
        headers: {
          authorization: `Bearer ${user.token}`,
          ...(shot.body ? { "content-type": "application/json" } : {}),
        },
        body: shot.body ? JSON.stringify(shot.body) : undefined,
      });
      // A rating of one's own lesson is refused by design (422): the mix never rates its own, but count it apart.
      if (res.statusCode !== shot.ok) fail(shot.name, `${res.statusCode} ${whoRefused(await res.body.text())}`);
      else {
        await res.body.dump();
        const ms = performance.now() - started;
        const l = latencies.get(shot.name) ?? [];
        l.push(ms);
        latencies.set(shot.name, l);
      }
    } catch (err) {
      fail(shot.name, (err as Error).message.slice(0, 60));
    }
  }
}

const until = Date.now() + setup.seconds * 1000;
await Promise.all(Array.from({ length: setup.concurrency }, (_, i) => loop(i, until)));
await Promise.all(agents.map((a) => a.close()));
const result = {
  type: "done",
  latencies: Object.fromEntries(latencies),
  failures: Object.fromEntries([...failures].map(([k, v]) => [k, Object.fromEntries(v)])),
  rssMb: Math.round(process.memoryUsage().rss / 1048576),
};
// IPC is asynchronous: exit only once the parent has the (large) result.
process.send?.(result, () => process.exit(0));
