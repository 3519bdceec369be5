// Sums the JSON reports in a folder (Vitest, Jest, Playwright, node:test JSON) into "N passed, N failed".
// Failing tests are named first, because CI keeps only the tail of the log.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
let passed = 0;
let failed = 0;
const failures = [];
const firstLine = (msg) =>
  String(msg ?? "")
    .split("\n")
    .find((l) => l.trim()) ?? "";

for (const file of readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort()) {
  const r = JSON.parse(readFileSync(join(dir, file), "utf8"));
  let p = 0;
  let f = 0;
  if (typeof r.numPassedTests === "number") {
    // Vitest and Jest
    p = r.numPassedTests;
    f = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0) + (r.success === false && r.numFailedTests === 0 ? 1 : 0);
    for (const suite of r.testResults ?? []) {
      const failedTests = (suite.assertionResults ?? []).filter((t) => t.status === "failed");
      for (const t of failedTests)
        failures.push(`${file}: ${suite.name} › ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
      if (suite.status === "failed" && failedTests.length === 0)
        failures.push(`${file}: ${suite.name}: ${firstLine(suite.message)}`);
    }
  } else if (r.stats && typeof r.stats.expected === "number") {
    // Playwright
    p = r.stats.expected + (r.stats.flaky ?? 0);
    f = r.stats.unexpected;
    const walk = (s) => {
      for (const spec of s.specs ?? [])
        for (const t of spec.tests ?? [])
          if (t.status === "unexpected")
            failures.push(`${file}: ${spec.file} › ${spec.title}: ${firstLine(t.results?.at(-1)?.error?.message)}`);
      for (const child of s.suites ?? []) walk(child);
    };
    for (const s of r.suites ?? []) walk(s);
  } else if (typeof r.passed === "number") {
    p = r.passed;
    f = r.failed;
  }
  console.log(`${file}: ${p} passed, ${f} failed`);
  passed += p;
  failed += f;
}
if (failures.length > 0) {
  console.log("failed:");
  for (const line of failures.slice(0, 40)) console.log(`  ${line.slice(0, 400)}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
