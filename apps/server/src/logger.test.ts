import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.js";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  return { log: createLogger("info", stream), lines };
}

describe("logger", () => {
  it("redacts passwords, tokens, authorization headers and cookies", () => {
    const { log, lines } = capture();
    log.info({
      password: "hunter22",
      body: { password: "p4ss", refreshToken: "rt-secret" },
      req: { headers: { authorization: "Bearer abc.def", cookie: "sid=1" } },
      accessToken: "at-secret",
    });
    const out = lines.join("");
    for (const secret of ["hunter22", "p4ss", "rt-secret", "abc.def", "sid=1", "at-secret"])
      expect(out).not.toContain(secret);
    expect(out).toContain("[redacted]");
  });

  it("masks e-mail addresses in fields and messages", () => {
    const { log, lines } = capture();
    log.info({ to: "alice.smith@example.com", nested: { list: ["bob@school.edu"] } }, "mailed carol@example.org");
    const out = lines.join("");
    expect(out).not.toMatch(/alice\.smith@|bob@|carol@/);
    expect(out).toContain("a***@example.com");
    expect(out).toContain("c***@example.org");
  });
});
