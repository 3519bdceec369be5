// Video benchmark: how fast a lesson becomes a narrated MP4 on this machine, with the production
// settings (espeak-ng, frames drawn with @napi-rs/canvas, FFmpeg at nice 10 with one thread).
// For a ~90-second and a ~5-minute lesson, twice each: render time ÷ video duration (goal ≤ 0.3) and
// the CPU seconds the render used (the part of that time that does not depend on the machine's load),
// MP4 size per minute, the peak memory of the render (this process plus its FFmpeg/espeak-ng
// children, sampled from /proc every 50 ms) and how long the API's event loop was held up.
// Run: npx tsx bench/video/bench.ts [--write]      (--write replaces the numbers in RESULTS.md)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { SAMPLE_LESSONS } from "../../apps/server/src/ai/samples.js";
import { testConfig } from "../../apps/server/src/config.js";
import { detectRenderCapability } from "../../apps/server/src/media/render/capability.js";
import type { RenderLessonInput, Renderer } from "../../apps/server/src/media/render/render-lesson.js";
import { splitSentences } from "../../apps/server/src/media/render/sentences.js";
import { RenderThread } from "../../apps/server/src/media/render/thread/client.js";

const WRITE = process.argv.includes("--write");
const RUNS = 2;

/**
 * Samples the RSS of this process and all its descendants (FFmpeg, espeak-ng) from /proc every
 * 50 ms, in a worker thread so the sampling never shows up as event-loop delay.
 */
function startRssSampler(): { stop(): Promise<number>; cpuSeconds(): Promise<number> } {
  const code = `
    const { readdirSync, readFileSync } = require("node:fs");
    const { parentPort, workerData } = require("node:worker_threads");
    const PAGE = 4096;
    let peak = 0;
    function tree() {
      const parent = new Map(), rss = new Map();
      for (const name of readdirSync("/proc")) {
        if (!/^\\d+$/.test(name)) continue;
        try {
          const stat = readFileSync("/proc/" + name + "/stat", "utf8");
          const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
          parent.set(Number(name), Number(f[1]));
          rss.set(Number(name), Number(f[21]) * PAGE);
        } catch {}
      }
      let sum = 0;
      for (const [pid, bytes] of rss)
        for (let p = pid, hops = 0; p > 1 && hops < 64; p = parent.get(p) ?? 0, hops++)
          if (p === workerData.root) { sum += bytes; break; }
      return sum;
    }
    const timer = setInterval(() => { peak = Math.max(peak, tree()); }, 50);
    // Its own CPU time too (this thread's /proc entry), so the render's CPU can be told without it.
    const own = () => { const s = readFileSync("/proc/thread-self/stat", "utf8"); const f = s.slice(s.lastIndexOf(")") + 2).split(" "); return (Number(f[11]) + Number(f[12])) / 100; };
    parentPort.on("message", () => { clearInterval(timer); parentPort.postMessage({ peak: Math.max(peak, tree()), cpu: own() }); });
  `;
  const worker = new Worker(code, { eval: true, workerData: { root: process.pid } });
  let stopped: Promise<{ peak: number; cpu: number }> | undefined;
  const stop = () =>
    (stopped ??= new Promise((resolve) => {
      worker.once("message", (m: { peak: number; cpu: number }) => {
        void worker.terminate();
        resolve(m);
      });
      worker.postMessage("stop");
    }));
  return { stop: async () => (await stop()).peak, cpuSeconds: async () => (await stop()).cpu };
}

/** The first `n` sentences of a script (the benches' lessons are cut from the samples to length). */
const firstSentences = (script: string, n: number) => splitSentences(script).slice(0, n).join(" ");

/**
 * Two lessons cut from the sample lessons to about 90 s and 300 s of espeak-ng narration (measured:
 * 91 s and ~303 s), so the ratio is measured at the lengths the goal names.
 */
function lessons(): Array<{ name: string; lesson: RenderLessonInput }> {
  const [a, , c, , e, f] = SAMPLE_LESSONS;
  // "Binary search" without its closing aside: 5 key points, 12 sentences, its summary as the recap.
  const sentences = splitSentences(f.script).length;
  const ninety: RenderLessonInput = { ...f, script: firstSentences(f.script, sentences - 1) };
  const parts = [a, e, c];
  const five: RenderLessonInput = {
    title: "Photosynthesis, Newton's laws, markets and binary search",
    subject: "PHYSICS",
    difficulty: "INTERMEDIATE",
    script: [...parts.map((p) => p.script), firstSentences(f.script, 7)].join(" "),
    scriptSummary: [...parts, f].map((p) => p.scriptSummary).join(" "),
    keyPoints: [...parts.flatMap((p) => p.keyPoints.slice(0, 3)), f.keyPoints[0]],
  };
  return [
    { name: "~90-second lesson", lesson: ninety },
    { name: "~5-minute lesson", lesson: five },
  ];
}

/**
 * CPU seconds used so far by this process (all its threads, the render thread included) and by its
 * finished children (espeak-ng, FFmpeg): /proc/self/stat utime + stime + cutime + cstime. Unlike
 * wall-clock time this hardly depends on what else the shared cores are doing.
 */
function cpuSeconds(): number {
  const stat = readFileSync("/proc/self/stat", "utf8");
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const TICKS = 100; // getconf CLK_TCK on Linux
  return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / TICKS;
}

interface Run {
  seconds: number;
  renderMs: number;
  cpuS: number;
  speechMs: number;
  framesMs: number;
  encodeMs: number;
  bytes: number;
  peakTreeMb: number;
  loopP99Ms: number;
  loopMaxMs: number;
  idleP99Ms: number;
  load: number;
}

/** Event-loop delay of this process doing nothing for a while: the floor a busy machine sets. */
async function idleLoopP99(ms = 3000): Promise<number> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  await new Promise((r) => setTimeout(r, ms));
  h.disable();
  return h.percentile(99) / 1e6;
}

async function runOnce(lesson: RenderLessonInput, renderer: Renderer, thread: RenderThread): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), "lm-bench-video-"));
  const idleP99Ms = await idleLoopP99();
  const load = loadavg()[0];
  const sampler = startRssSampler();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const marks: Record<string, number> = {};
  const cpu0 = cpuSeconds();
  const t0 = performance.now();
  try {
    const out = await thread.render(lesson, renderer, {
      dir,
      onProgress: (p) => {
        if (p >= 45 && !marks.speech) marks.speech = performance.now();
        if (p >= 60 && !marks.frames) marks.frames = performance.now();
      },
    });
    const end = performance.now();
    return {
      seconds: out.timeline.duration,
      renderMs: end - t0,
      cpuS: cpuSeconds() - cpu0 - (await sampler.cpuSeconds()),
      speechMs: marks.speech - t0,
      framesMs: marks.frames - marks.speech,
      encodeMs: end - marks.frames,
      bytes: out.sizeBytes,
      peakTreeMb: (await sampler.stop()) / 1024 / 1024,
      loopP99Ms: loop.percentile(99) / 1e6,
      loopMaxMs: loop.max / 1e6,
      idleP99Ms,
      load,
    };
  } finally {
    await sampler.stop();
    loop.disable();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const cap = await detectRenderCapability({ ...testConfig().video, render: true });
  if (!cap.renderer) throw new Error(cap.unavailable?.reason);
  // As in the server: the render runs in its own thread; this (the API's) thread only waits.
  const thread = new RenderThread();
  const lines: string[] = [];
  const say = (s = "") => {
    console.log(s);
    lines.push(s);
  };
  say(`## Runs — ${new Date().toISOString().slice(0, 16)}Z, ${cpus().length} cores (${cpus()[0]?.model.trim()})`);
  const idle = startRssSampler();
  await new Promise((r) => setTimeout(r, 300));
  const baseline = (await idle.stop()) / 1024 / 1024;
  say(`Renderer: ${cap.detail}; ${cap.renderer.threads} encoder thread, nice 10.`);
  say(`This process before any render (modules and fonts loaded): ${baseline.toFixed(0)} MB RSS.`);
  say();
  say(
    "| lesson | run | video | render | ratio | CPU (ratio) | speech / frames / encode | MP4 | per minute | peak RSS (tree) | event loop p99 / max | load (1 min) |",
  );
  say("|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const { name, lesson } of lessons()) {
    for (let run = 1; run <= RUNS; run++) {
      const r = await runOnce(lesson, cap.renderer, thread);
      const mb = r.bytes / 1024 / 1024;
      say(
        `| ${name} | ${run} | ${r.seconds} s | ${(r.renderMs / 1000).toFixed(1)} s | **${(r.renderMs / 1000 / r.seconds).toFixed(3)}** | ` +
          `${r.cpuS.toFixed(1)} s (${(r.cpuS / r.seconds).toFixed(3)}) | ` +
          `${(r.speechMs / 1000).toFixed(1)} / ${(r.framesMs / 1000).toFixed(1)} / ${(r.encodeMs / 1000).toFixed(1)} s | ` +
          `${mb.toFixed(2)} MB | ${(mb / (r.seconds / 60)).toFixed(2)} MB | ${r.peakTreeMb.toFixed(0)} MB | ` +
          `${r.loopP99Ms.toFixed(0)} / ${r.loopMaxMs.toFixed(0)} ms (${r.idleP99Ms.toFixed(0)} ms) | ${r.load.toFixed(2)} |`,
      );
    }
  }
  await thread.close();
  if (WRITE) {
    const file = join(import.meta.dirname, "RESULTS.md");
    const text = readFileSync(file, "utf8");
    const start = text.indexOf("<!-- runs -->");
    const end = text.indexOf("<!-- /runs -->");
    if (start < 0 || end < 0) throw new Error("RESULTS.md lacks the <!-- runs --> markers");
    writeFileSync(file, `${text.slice(0, start)}<!-- runs -->\n${lines.join("\n")}\n${text.slice(end)}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
