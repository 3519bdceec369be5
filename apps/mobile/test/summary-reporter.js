// Adds one plain closing line after Jest's own summary ("N passed, N failed"), the form CI counts.
// Jest always prints its summary after custom reporters, so the line is written at process exit.
const fs = require("node:fs");

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed`;
    const text = `\n${skipped > 0 ? `${line}, ${skipped} skipped` : line}\n`;
    process.once("exit", () => fs.writeSync(1, text));
  }
}

module.exports = SummaryReporter;
