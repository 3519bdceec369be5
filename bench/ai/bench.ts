// AI benchmark: (1) time to a finished lesson (+ thumbnail) with the offline provider on 2, 10 and
// 50 KB of notes; (2) generation speed on the generated tiny GGUF model through our pipeline versus
// node-llama-cpp called directly with the same prompt, grammar and token budget (overhead ratio).
// Run: npx tsx bench/ai/bench.ts [--runs 7] [--write]   (--write updates bench/ai/RESULTS.md)
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { GenerationError, generateLesson, type LessonInput } from "../../apps/server/src/ai/pipeline.js";
import { buildLessonPrompt } from "../../apps/server/src/ai/prompts/build-prompt.js";
import { lessonJsonSchema } from "../../apps/server/src/ai/lesson-schema.js";
import { LlamaCppProvider } from "../../apps/server/src/ai/providers/llama-cpp.js";
import { OfflineProvider } from "../../apps/server/src/ai/providers/offline/index.js";
import { CELL_RESPIRATION_NOTES } from "../../apps/server/src/ai/providers/offline/sample-notes.js";
import { SAMPLE_LESSONS } from "../../apps/server/src/ai/samples.js";
import { renderThumbnail } from "../../apps/server/src/media/thumbnail.js";
import { writeTinyModel } from "../../apps/server/test/fixtures/gguf/tiny-model.js";

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf("--runs") + 1]) || 7;
const TOKENS = 300;

/** Wall and CPU seconds of `fn`; CPU time (all threads of this process) is steadier on a busy machine. */
async function timed(fn: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const cpu = process.cpuUsage(cpu0);
  return { wall: (performance.now() - t0) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}

/** A markdown table with padded columns, the way Biome formats markdown, so RESULTS.md stays lint-clean. */
function mdTable(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(3, ...rows.map((r) => r[c].length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(" | ")} |`;
  return [line(rows[0]), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...rows.slice(1).map(line)].join("\n");
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Realistic notes of about `bytes`: the biology notes plus the sample lessons' narrations, repeated. */
function notesOf(bytes: number): string {
  const parts = [CELL_RESPIRATION_NOTES, ...SAMPLE_LESSONS.map((s) => `${s.title}\n${s.script}`)];
  let out = "";
  for (let i = 0; out.length < bytes; i++) out += `${parts[i % parts.length]}\n\n`;
  return out.slice(0, bytes);
}

async function benchOffline(): Promise<string[][]> {
  const provider = new OfflineProvider();
  const rows: string[][] = [];
  for (const kb of [2, 10, 50]) {
    const input: LessonInput = {
      topic: "Cellular respiration",
      subject: "BIOLOGY",
      difficulty: "BEGINNER",
      sourceText: notesOf(kb * 1024),
    };
    await generateLesson(input, provider); // warm-up (JIT, wink model)
    const lessonMs: number[] = [];
    const lessonCpuMs: number[] = [];
    const totalMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const lesson = await timed(() => generateLesson(input, provider));
      const thumb = await timed(() =>
        renderThumbnail({ title: input.topic, subject: input.subject, difficulty: input.difficulty }),
      );
      lessonMs.push(lesson.wall * 1000);
      lessonCpuMs.push(lesson.cpu * 1000);
      totalMs.push((lesson.wall + thumb.wall) * 1000);
    }
    const cells = [median(lessonMs), median(lessonCpuMs), median(totalMs)].map((x) => `${x.toFixed(1)} ms`);
    rows.push([`${kb} KB`, ...cells, String(RUNS)]);
  }
  return rows;
}

type Rate = { wall: number; cpu: number };

async function benchTinyModel(modelPath: string): Promise<{ pipeline: Rate; direct: Rate; tokens: number }> {
  const input: LessonInput = { topic: "Photosynthesis", subject: "BIOLOGY", difficulty: "BEGINNER" };
  // Through our pipeline: moderation, prompt, model manager, grammar, parse, post-process, quality.
  const provider = new LlamaCppProvider({
    modelPath,
    threads: 1,
    sequences: 1,
    contextSize: 4096,
    maxTokensCap: TOKENS,
  });
  let produced = 0;
  const generate = provider.generateJson.bind(provider);
  provider.generateJson = async (req) => {
    const out = await generate(req);
    produced = out.usage.outputTokens;
    return out;
  };
  const runPipeline = async (): Promise<Rate> => {
    produced = TOKENS; // a cut-off answer throws before usage is returned; it used the whole budget
    const t = await timed(() =>
      generateLesson(input, provider).catch((err: unknown) => {
        if (!(err instanceof GenerationError)) throw err;
      }),
    );
    return { wall: produced / t.wall, cpu: produced / t.cpu };
  };

  // Directly: node-llama-cpp with the same prompt, grammar, budget, threads and temperature.
  const { getLlama, LlamaChatSession } = await import("node-llama-cpp");
  const llama = await getLlama({ gpu: false, build: "never", maxThreads: 1 });
  const model = await llama.loadModel({ modelPath });
  const context = await model.createContext({ sequences: 1, contextSize: 4096, threads: 1 });
  const sequence = context.getSequence();
  // biome-ignore lint/suspicious/noExplicitAny: the schema is a runtime value; its literal type is irrelevant here
  const grammar = await llama.createGrammarForJsonSchema(lessonJsonSchema as any);
  const { system, prompt } = buildLessonPrompt(input);
  const runDirect = async (): Promise<Rate> => {
    const before = sequence.tokenMeter.getState();
    const t = await timed(async () => {
      const session = new LlamaChatSession({
        contextSequence: sequence,
        systemPrompt: system,
        autoDisposeSequence: false,
      });
      await session.prompt(prompt, { grammar, maxTokens: TOKENS, temperature: 0.4 });
      session.dispose({ disposeSequence: false });
      // Cleared inside the timing, as the model manager does before lending the sequence again.
      await sequence.clearHistory();
    });
    const produced = sequence.tokenMeter.diff(before).usedOutputTokens;
    return { wall: produced / t.wall, cpu: produced / t.cpu };
  };
  // Warm both up (loads the pipeline's model), then interleave so drifting CPU load from other
  // processes on a shared machine hits both sides equally.
  await runPipeline();
  await runDirect();
  const pipelineRates: Rate[] = [];
  const directRates: Rate[] = [];
  for (let i = 0; i < RUNS; i++) {
    pipelineRates.push(await runPipeline());
    directRates.push(await runDirect());
  }
  await provider.close();
  await context.dispose();
  await model.dispose();
  await llama.dispose();
  const med = (rates: Rate[]): Rate => ({
    wall: median(rates.map((r) => r.wall)),
    cpu: median(rates.map((r) => r.cpu)),
  });
  return { pipeline: med(pipelineRates), direct: med(directRates), tokens: TOKENS };
}

const dir = mkdtempSync(join(tmpdir(), "lm-bench-"));
try {
  const offline = await benchOffline();
  const tiny = await benchTinyModel(writeTinyModel(join(dir, "tiny.gguf")));
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  const report = `# AI benchmark results

Generated by \`npx tsx bench/ai/bench.ts --write\` on ${new Date().toISOString().slice(0, 10)}:
${cpu}, ${availableParallelism()} cores, Node ${process.version}; 1-minute load average when finished:
${loadavg()[0].toFixed(1)} (the machine was shared with other work, so expect noise of ±20% or more).
Each number is the median of ${RUNS} runs after one warm-up run.

## Offline provider: time to a finished lesson

Notes are realistic study notes (the biology notes used by the tests plus the sample lessons'
narrations, repeated to size). "Lesson" is \`generateLesson\` end to end (input moderation, wink-nlp
analysis, a key point per section of the notes, post-processing with the quiz, quality checks and output
moderation); CPU is this process's user + system time for the same call; "+ thumbnail" adds
rendering the 640×360 PNG.

${mdTable([["Notes", "Lesson (wall)", "Lesson (CPU)", "Lesson + thumbnail (wall)", "Runs"], ...offline])}

## Tiny GGUF model: our pipeline vs node-llama-cpp directly

The generated tiny model (llama architecture, 2 blocks, hidden 128, byte-level vocabulary, random
weights), 1 thread, 1 sequence, context 4096, temperature 0.4. Both sides use the same system
prompt, user prompt, JSON-schema grammar and a budget of ${tiny.tokens} output tokens (the random model
uses the whole budget). Rates are output tokens ÷ the wall time, and ÷ the CPU time of this process
(all threads: steadier than wall time on a busy machine), of the whole call; the pipeline's time
also includes moderation, prompt building, leasing a sequence from the model manager, parsing,
post-processing and quality checks. Both models are loaded before timing, runs alternate between
the two sides (so load from other processes hits both alike), and both sides clear the sequence's history inside the timing (the model manager does so before reusing it).

${mdTable([
  ["Path", "Output tokens per wall second", "Output tokens per CPU second"],
  ["node-llama-cpp directly", tiny.direct.wall.toFixed(1), tiny.direct.cpu.toFixed(1)],
  ["our pipeline (`generateLesson` → llama-cpp provider)", tiny.pipeline.wall.toFixed(1), tiny.pipeline.cpu.toFixed(1)],
  [
    "overhead ratio (direct ÷ pipeline)",
    (tiny.direct.wall / tiny.pipeline.wall).toFixed(3),
    (tiny.direct.cpu / tiny.pipeline.cpu).toFixed(3),
  ],
])}

A ratio near 1.0 means the pipeline adds almost nothing on top of llama.cpp; with a real model the
prompt and tokens are far costlier, so the share of pipeline overhead only shrinks.
`;
  process.stdout.write(report);
  if (args.includes("--write")) {
    writeFileSync(join(dirname(fileURLToPath(import.meta.url)), "RESULTS.md"), report);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
