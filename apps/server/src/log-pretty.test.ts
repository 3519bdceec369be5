// `npm start` at a terminal prints readable lines; anything else (files, pipes, log shippers)
// keeps JSON. Redaction and masking apply either way.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.js";
import { prettyLine, wantsPretty } from "./log-pretty.js";

function sink() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  return { stream, lines };
}

describe("readable log lines at a terminal", () => {
  it("formats time, level, message and the other fields as key=value, without pid or hostname", () => {
    const line = JSON.stringify({
      level: 30,
      time: Date.UTC(2026, 11, 4, 9, 5, 7),
      pid: 1,
      hostname: "h",
      msg: "listening",
      url: "http://localhost:3000",
      port: 3000,
    });
    expect(prettyLine(line, { timeZone: "UTC" })).toBe(
      "09:05:07 INFO  listening url=http://localhost:3000 port=3000\n",
    );
  });

  it("shows an error's message and stack below the line", () => {
    const line = JSON.stringify({
      level: 50,
      time: 0,
      msg: "boom",
      err: { message: "bad", stack: "Error: bad\n    at x" },
    });
    const out = prettyLine(line, { timeZone: "UTC" });
    expect(out).toMatch(/^00:00:00 ERROR boom err=bad\n {4}Error: bad\n {8}at x\n$/);
  });

  it("keeps redaction and masking when pretty", () => {
    const { stream, lines } = sink();
    const log = createLogger("info", stream, { pretty: true });
    log.info({ password: "hunter22", to: "alice@example.com" }, "mailed");
    const out = lines.join("");
    expect(out).toMatch(/INFO {2}mailed/);
    expect(out).not.toContain("hunter22");
    expect(out).toContain("a***@example.com");
    expect(out).not.toMatch(/^\{/);
  });

  it("is pretty only for a TTY, and LOG_FORMAT=json wins", () => {
    expect(wantsPretty({ isTTY: true }, {})).toBe(true);
    expect(wantsPretty({ isTTY: false }, {})).toBe(false);
    expect(wantsPretty({ isTTY: true }, { LOG_FORMAT: "json" })).toBe(false);
    expect(wantsPretty({ isTTY: false }, { LOG_FORMAT: "pretty" })).toBe(true);
  });

  it("logs an Error's message and stack, not {}", () => {
    const { stream, lines } = sink();
    createLogger("info", stream).warn({ err: new Error("db slow for bob@example.com") }, "slow query");
    const entry = JSON.parse(lines.join(""));
    expect(entry.err.message).toBe("db slow for b***@example.com");
    expect(entry.err.stack).toMatch(/^Error: db slow/);
  });
});
