// Which renderer draws the video's frames: @napi-rs/canvas (Skia inside its npm package) or
// Chromium screenshots (playwright-core driving the Debian chromium). Both draw the same scenes of
// a ~90-second lesson (title, every build-up step of every key point, recap) at 1280×720 into PNG,
// with the same Inter files from @fontsource/inter. Measured: cold start (first frame, including
// fonts or the browser launch), then time per frame, and the peak RSS of the process tree.
// Run: npx tsx bench/video/renderers.ts
import { createRequire } from "node:module";
import { readFileSync, readdirSync } from "node:fs";
import { loadavg } from "node:os";
import { chromium } from "playwright-core";
import { SAMPLE_LESSONS } from "../../apps/server/src/ai/samples.js";
import { planScenes } from "../../apps/server/src/media/render/frames/plan.js";
import { drawScene, type Scene } from "../../apps/server/src/media/render/frames/slides.js";
import { narrationSegments } from "../../apps/server/src/media/render/narration.js";
import { buildTimeline } from "../../apps/server/src/media/render/timeline.js";
import { SUBJECT_COLORS } from "@lm/core";

const PAGE = 4096;
function treeRss(root = process.pid): number {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parent.set(Number(name), Number(f[1]));
      rss.set(Number(name), Number(f[21]) * PAGE);
    } catch {}
  }
  let sum = 0;
  for (const [pid, bytes] of rss) {
    for (let p = pid, hops = 0; p > 1 && hops < 64; p = parent.get(p) ?? 0, hops++) {
      if (p === root) {
        sum += bytes;
        break;
      }
    }
  }
  return sum;
}

function scenes(): Scene[] {
  const lesson = SAMPLE_LESSONS[0];
  const segments = narrationSegments(lesson);
  // Speech lengths at 160 words a minute: only the scene list matters here, not the timing.
  const seconds = segments.map((s) => (s.sentences.join(" ").split(/\s+/).length / 160) * 60);
  return planScenes(lesson, segments, buildTimeline(segments, seconds, lesson.keyPoints)).map((s) => s.scene);
}

const esc = (t: string) => t.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c] ?? c);

/** The same three layouts in HTML and CSS. */
function html(scene: Scene): string {
  const color = SUBJECT_COLORS[scene.subject];
  if (scene.kind === "point") {
    const bullets = scene.bullets
      .slice(0, scene.shown)
      .map((b) => `<li>${esc(b)}</li>`)
      .join("");
    return `<div class="slide point" style="--c:${color}"><div class="label">KEY POINT ${scene.index + 1} OF ${scene.total}</div>
      <h1>${esc(scene.heading)}</h1><ul>${bullets}</ul><div class="foot">${esc(scene.title)}</div>
      <div class="bar"><i style="width:${((scene.index + 1) / scene.total) * 100}%"></i></div></div>`;
  }
  if (scene.kind === "recap")
    return `<div class="slide full" style="--c:${color}"><div class="label">RECAP</div><h2>${esc(scene.title)}</h2>
      <ul>${scene.keyPoints.map((k) => `<li>✓ ${esc(k)}</li>`).join("")}</ul></div>`;
  return `<div class="slide full" style="--c:${color}"><h1 class="big">${esc(scene.title)}</h1><div class="foot">Biology · Beginner</div></div>`;
}

async function benchCanvas(list: Scene[]) {
  const t0 = performance.now();
  let peak = treeRss();
  await drawScene(list[0]);
  const cold = performance.now() - t0;
  const t1 = performance.now();
  for (const s of list) {
    await drawScene(s);
    peak = Math.max(peak, treeRss());
  }
  return { cold, perFrame: (performance.now() - t1) / list.length, peakMb: peak / 1048576 };
}

async function benchChromium(list: Scene[]) {
  const require = createRequire(import.meta.url);
  const font = (w: number) =>
    readFileSync(require.resolve(`@fontsource/inter/files/inter-latin-${w}-normal.woff2`)).toString("base64");
  const css = `@font-face{font-family:I;font-weight:400;src:url(data:font/woff2;base64,${font(400)})}
    @font-face{font-family:I;font-weight:700;src:url(data:font/woff2;base64,${font(700)})}
    body{margin:0}.slide{width:1280px;height:720px;box-sizing:border-box;padding:60px 80px;font-family:I;position:relative;overflow:hidden}
    .point{background:#F8FAFC;border-left:18px solid var(--c);color:#0F172A}.full{background:var(--c);color:#000}
    .label{font:700 24px I;color:#475569}h1{font:700 46px/58px I;margin:30px 0}h1.big{font-size:72px;margin-top:240px}
    h2{font:700 40px I}ul{font:400 30px/42px I;padding-left:40px}.foot{position:absolute;left:80px;bottom:40px;font:400 22px I}
    .bar{position:absolute;left:80px;right:80px;bottom:22px;height:8px;background:#E2E8F0}.bar i{display:block;height:8px;background:var(--c)}`;
  const t0 = performance.now();
  let peak = treeRss();
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.setContent(`<style>${css}</style><div id="s"></div>`);
    const shoot = async (s: Scene) => {
      await page.evaluate((h) => {
        document.getElementById("s")!.innerHTML = h;
      }, html(s));
      await page.evaluate(() => document.fonts.ready);
      return page.screenshot({ type: "png" });
    };
    await shoot(list[0]);
    const cold = performance.now() - t0;
    const t1 = performance.now();
    for (const s of list) {
      await shoot(s);
      peak = Math.max(peak, treeRss());
    }
    return { cold, perFrame: (performance.now() - t1) / list.length, peakMb: peak / 1048576 };
  } finally {
    await browser.close();
  }
}

const list = scenes();
console.log(`${list.length} scenes of a ~90-second lesson, load average ${loadavg()[0].toFixed(2)}`);
console.log("| renderer | cold start (first frame) | per frame | peak RSS (tree) |");
console.log("|---|---|---|---|");
for (let run = 1; run <= 2; run++) {
  const c = await benchCanvas(list);
  console.log(
    `| @napi-rs/canvas, run ${run} | ${c.cold.toFixed(0)} ms | ${c.perFrame.toFixed(1)} ms | ${c.peakMb.toFixed(0)} MB |`,
  );
  const b = await benchChromium(list);
  console.log(
    `| Chromium screenshots, run ${run} | ${b.cold.toFixed(0)} ms | ${b.perFrame.toFixed(1)} ms | ${b.peakMb.toFixed(0)} MB |`,
  );
}
