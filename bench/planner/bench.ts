// Planner benchmark: (1) reminder latency — from the moment a reminder is due to its notification
// row committing (pg-boss scheduled job → worker → insert, which is also the realtime push);
// (2) .ics import speed for 1,000 events through POST /planner/import (parse, one transaction,
// reminder jobs), a re-import of the same file (upserts), and a month range query afterwards.
// Run: npx tsx bench/planner/bench.ts [--write]            (PGlite, in-process)
//      DATABASE_URL=postgres://… npx tsx bench/planner/bench.ts [--write]   (PostgreSQL server)
// --write appends this driver's section to bench/planner/RESULTS.md.
import { randomUUID } from "node:crypto";
import { appendFileSync, existsSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "../../apps/server/src/app.js";
import { createContext } from "../../apps/server/src/app.js";
import { testConfig } from "../../apps/server/src/config.js";
import { freshPgDatabase } from "../../apps/server/test/harness.js";

const WRITE = process.argv.includes("--write");
const REMINDERS = 30;
const IMPORT_EVENTS = 1000;
const IMPORT_RUNS = 3;
const BURST = 200;

const pct = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (n: number) => `${n.toFixed(0)} ms`;

function calendar(n: number): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//bench//EN", "X-WR-TIMEZONE:Europe/Berlin"];
  const base = Date.UTC(2030, 0, 7, 8, 0, 0);
  const stamp = (t: number) =>
    new Date(t)
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, "");
  const local = (t: number) => stamp(t).replace("Z", "");
  for (let i = 0; i < n; i++) {
    const start = base + i * 3 * 3_600_000;
    lines.push("BEGIN:VEVENT", `UID:bench-${i}@example.com`, `DTSTAMP:${stamp(base)}`);
    lines.push(`DTSTART;TZID=Europe/Berlin:${local(start)}`, `DTEND;TZID=Europe/Berlin:${local(start + 5_400_000)}`);
    lines.push(`SUMMARY:Lecture ${i}`, `DESCRIPTION:Room ${i % 40}\\, building ${i % 7}`);
    // One in ten is a weekly class; half carry an alarm (so reminder jobs are part of the cost).
    if (i % 10 === 0) lines.push("RRULE:FREQ=WEEKLY;COUNT=12");
    if (i % 2 === 0) lines.push("BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT15M", "DESCRIPTION:x", "END:VALARM");
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return `${lines.join("\r\n")}\r\n`;
}

async function main() {
  const pg = process.env.DATABASE_URL ? await freshPgDatabase(process.env.DATABASE_URL) : null;
  const ctx = await createContext(testConfig({ port: 0, host: "127.0.0.1", dataDir: "", databaseUrl: pg?.url }));
  const server = await startServer(ctx);
  const call = async (method: string, path: string, token?: string, body?: string, type = "application/json") => {
    const res = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { "content-type": type } : {}) },
      body,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  const user = async () => {
    const res = await call(
      "POST",
      "/auth/register",
      undefined,
      JSON.stringify({
        email: `bench-${randomUUID().slice(0, 8)}@example.com`,
        password: "Bench-Pass-2026!",
        displayName: "Bench",
      }),
    );
    return res.body.session.accessToken as string;
  };

  try {
    // (1) Reminder latency: REMINDERS events due over the next few seconds, reminders [0].
    const token = await user();
    const due: string[] = [];
    for (let i = 0; i < REMINDERS; i++) {
      const startDate = new Date(Date.now() + 3000 + i * 150).toISOString();
      const res = await call(
        "POST",
        "/planner/events",
        token,
        JSON.stringify({ title: `R${i}`, type: "OTHER", startDate, reminders: [0] }),
      );
      if (res.status !== 201) throw new Error(`create failed: ${res.status}`);
      due.push(res.body.id);
    }
    const deadline = Date.now() + 30_000;
    let rows: Array<{ due: Date; created_at: Date }> = [];
    while (Date.now() < deadline) {
      rows = await ctx.db.query(
        "select (data->>'occurrenceDate')::timestamptz as due, created_at from public.notifications where kind = 'reminder' and data->>'eventId' = any($1)",
        [due],
      );
      if (rows.length >= REMINDERS) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const latencies = rows.map((r) => r.created_at.getTime() - r.due.getTime());
    // Give any duplicate a chance to appear before claiming there is none.
    await new Promise((r) => setTimeout(r, 2000));
    const [{ n }] = await ctx.db.query<{ n: number }>(
      "select count(*)::int as n from public.notifications where kind = 'reminder' and data->>'eventId' = any($1)",
      [due],
    );
    const once = n === REMINDERS ? "each exactly once" : `${n} rows for ${REMINDERS} reminders (DUPLICATES)`;

    // (1b) A burst: BURST reminders due at the same instant (one import, TRIGGER:PT0M).
    const burstToken = await user();
    const burstAt = Date.now() + 6000;
    const at = new Date(burstAt)
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, "");
    const burstIcs = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//bench//EN",
      ...Array.from({ length: BURST }, (_, i) => [
        "BEGIN:VEVENT",
        `UID:burst-${i}`,
        `DTSTART:${at}`,
        `SUMMARY:Burst ${i}`,
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "TRIGGER:PT0M",
        "DESCRIPTION:x",
        "END:VALARM",
        "END:VEVENT",
      ]).flat(),
      "END:VCALENDAR",
      "",
    ].join("\r\n");
    const burstRes = await call("POST", "/planner/import", burstToken, burstIcs, "text/calendar");
    if (burstRes.status !== 201) throw new Error(`burst import: ${burstRes.status} ${JSON.stringify(burstRes.body)}`);
    let drained: number | null = null;
    while (Date.now() < burstAt + 60_000) {
      const [r] = await ctx.db.query<{ n: number; last: Date | null }>(
        "select count(*)::int as n, max(created_at) as last from public.notifications where kind = 'reminder' and data->>'occurrenceDate' = $1",
        [new Date(Math.floor(burstAt / 1000) * 1000).toISOString()],
      );
      if (r.n >= BURST && r.last) {
        drained = r.last.getTime() - Math.floor(burstAt / 1000) * 1000;
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }

    // (2) Import speed.
    const ics = calendar(IMPORT_EVENTS);
    const firsts: number[] = [];
    const again: number[] = [];
    const ranges: number[] = [];
    for (let run = 0; run < IMPORT_RUNS; run++) {
      const t = await user();
      let t0 = performance.now();
      const res = await call("POST", "/planner/import", t, ics, "text/calendar");
      firsts.push(performance.now() - t0);
      if (res.status !== 201 || res.body.imported !== IMPORT_EVENTS)
        throw new Error(`import: ${res.status} ${JSON.stringify(res.body)}`);
      t0 = performance.now();
      await call("POST", "/planner/import", t, ics, "text/calendar");
      again.push(performance.now() - t0);
      t0 = performance.now();
      const list = await call("GET", "/planner/events?from=2030-02-01T00:00:00Z&to=2030-03-01T00:00:00Z", t);
      ranges.push(performance.now() - t0);
      if (list.status !== 200) throw new Error("range query failed");
    }
    const median = (xs: number[]) => pct(xs, 50);
    const report = [
      `## ${ctx.db.driver === "pg" ? "PostgreSQL 15 server (node-postgres)" : "PGlite (embedded)"} — ${new Date().toISOString().slice(0, 16)}Z, ${cpus().length} shared cores`,
      "",
      `Reminder latency (due → notification committed), ${latencies.length}/${REMINDERS} reminders delivered, ${once}:`,
      `p50 ${ms(pct(latencies, 50))}, p95 ${ms(pct(latencies, 95))}, max ${ms(Math.max(...latencies))} (workers poll every 0.5 s)`,
      `Burst of ${BURST} reminders due at the same second, one worker process: ${drained === null ? "NOT drained within 60 s" : `last one committed ${ms(drained)} after the due time`}`,
      "",
      `Import of ${IMPORT_EVENTS} VEVENTs (${(ics.length / 1024).toFixed(0)} KiB; TZID, 10% weekly RRULE, 50% VALARM), median of ${IMPORT_RUNS}:`,
      `first import ${ms(median(firsts))} (${((IMPORT_EVENTS / median(firsts)) * 1000).toFixed(0)} events/s); ` +
        `re-import of the same file (upsert, no duplicates) ${ms(median(again))}; ` +
        `then GET /planner/events for one month ${ms(median(ranges))}`,
      "",
    ].join("\n");
    console.log(report);
    if (WRITE) {
      const file = join(dirname(fileURLToPath(import.meta.url)), "RESULTS.md");
      if (!existsSync(file)) {
        writeFileSync(
          file,
          "# Planner benchmark results\n\nProduced by `npx tsx bench/planner/bench.ts --write` (see the script's header).\n\n",
        );
      }
      appendFileSync(file, `${report}\n`);
    }
  } finally {
    await server.close();
    await pg?.drop();
  }
}

await main();
