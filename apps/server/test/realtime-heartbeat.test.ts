// The hub's heartbeat with many signed-in sockets: each beat pings every socket and checks that
// their sessions are still live. That check was one awaited query per socket: 10,000 sockets meant
// 333 queries a second on the database, and a beat that outlasted its interval overlapped the next
// (a load run on one instance lost 4,775 of 10,000 sockets; one beat at a time now). Here the
// database answers session lookups slowly (10 ms each), so 200 lookups in a row take 2 s, four
// times the interval: the beat must still check them all in one statement and drop no one.
import { afterAll, beforeAll, expect, it } from "vitest";
import { makeUser, type TestServer, startTestServer } from "./harness.js";
import { connect } from "./support/realtime-client.js";

const SOCKETS = 200;
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({
    realtime: { heartbeatMs: 500, maxBufferedBytes: 1_000_000, maxConnectionsPerIp: SOCKETS + 10 },
  });
});
afterAll(() => s.stop());

it("keeps every live socket when checking their sessions is slower than the beat", async () => {
  const student = await makeUser(s);
  const sockets = await Promise.all(Array.from({ length: SOCKETS }, () => connect(s, student.token)));
  const query = s.ctx.db.query.bind(s.ctx.db);
  let lookups = 0;
  s.ctx.db.query = (async (sql: string, params?: unknown[]) => {
    if (sql.includes("auth.sessions")) {
      lookups++;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return query(sql, params);
  }) as typeof s.ctx.db.query;
  let closed = 0;
  for (const c of sockets) c.ws.once("close", () => closed++);
  await new Promise((resolve) => setTimeout(resolve, 3_000)); // six beats
  expect(closed).toBe(0);
  expect(lookups).toBeLessThanOrEqual(7); // one per beat, not one per socket per beat (1,200)
  // A session that ends is still noticed at the next beat, for every one of its sockets.
  await s.api("POST", "/auth/logout", { token: student.token, body: {} });
  const codes = await Promise.all(sockets.slice(0, 5).map((c) => c.closed));
  expect(codes).toEqual([4401, 4401, 4401, 4401, 4401]);
  s.ctx.db.query = query;
  for (const c of sockets) c.ws.terminate();
});
