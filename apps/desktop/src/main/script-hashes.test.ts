// Build-time hashes of index.html's inline scripts, and the file main reads them back from.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildCsp } from "./csp.js";
import { inlineScriptHashes, readScriptHashes } from "./script-hashes.js";

// The example from the CSP specification: alert('Hello, world.');
const HELLO = "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='";

describe("inlineScriptHashes", () => {
  it("hashes the exact text of each inline script and skips external ones", () => {
    const html = `<!doctype html><head>
      <script>alert('Hello, world.');</script>
      <script type="module" src="/assets/index.js"></script>
      <SCRIPT type="text/javascript">alert('Hello, world.');</SCRIPT>
      <script></script>
    </head>`;
    expect(inlineScriptHashes(html)).toEqual([HELLO]);
  });

  it("is whitespace-exact, as the browser's check is", () => {
    expect(inlineScriptHashes("<script> alert('Hello, world.');</script>")).not.toEqual([HELLO]);
  });

  it("returns nothing for a page without inline scripts", () => {
    expect(inlineScriptHashes('<script type="module" src="/a.js"></script>')).toEqual([]);
  });
});

describe("readScriptHashes", () => {
  const file = (content: string) => {
    const f = path.join(mkdtempSync(path.join(tmpdir(), "lm-hashes-")), "hashes.json");
    writeFileSync(f, content);
    return f;
  };

  it("reads the list and drops anything that is not a sha256 source", () => {
    expect(readScriptHashes(file(JSON.stringify([HELLO, "'unsafe-inline'", "*", 5])))).toEqual([HELLO]);
  });

  it("allows no inline script when the file is missing or corrupt", () => {
    expect(readScriptHashes("/nonexistent/hashes.json")).toEqual([]);
    expect(readScriptHashes(file("{"))).toEqual([]);
  });
});

describe("buildCsp with hashes", () => {
  it("adds them to script-src only", () => {
    const csp = buildCsp("http://localhost:3000", [HELLO]);
    expect(csp).toContain(`script-src 'self' ${HELLO};`);
    expect(csp.match(/sha256-/g)).toHaveLength(1);
  });

  it("refuses anything else smuggled in as a hash", () => {
    expect(() => buildCsp("http://localhost:3000", ["'unsafe-inline'"])).toThrow();
    expect(() => buildCsp("http://localhost:3000", [`${HELLO} 'unsafe-eval'`])).toThrow();
  });
});
