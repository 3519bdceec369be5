// The start-up probe that decides whether this worker can render at all: it must not mistake a busy
// machine for a missing program (that would mark every lesson's video UNAVAILABLE until a restart).
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { getPriority, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { programVersion } from "./process.js";

const dir = mkdtempSync(join(tmpdir(), "lm-probe-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function script(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

describe("programVersion (the start-up probe for FFmpeg and espeak-ng)", () => {
  it("runs at the caller's priority, not the render's nice 10: on a loaded machine a niced probe starves", async () => {
    // Field 19 of /proc/PID/stat is the nice value of the script's own shell.
    const probe = script("nice-probe", "sleep 0.2; cut -d' ' -f19 /proc/$$/stat");
    expect(Number(await programVersion(probe, "-version"))).toBe(getPriority());
  });

  it("counts a program that answers slowly as present: a timeout is a busy machine, not a missing program", async () => {
    const slow = script("slow-ffmpeg", "sleep 1; echo 'ffmpeg version slow'");
    expect(await programVersion(slow, "-version", 200)).toMatch(/slow-ffmpeg/);
  });

  it("is null for a program that is not there or cannot run", async () => {
    expect(await programVersion(join(dir, "no-such-program"), "-version")).toBeNull();
    expect(await programVersion(script("broken", "exit 3"), "-version")).toBeNull();
  });

  it("is the program's first line when it answers", async () => {
    expect(await programVersion(script("ok", "echo 'tool version 1.2'; echo more"), "-version")).toBe(
      "tool version 1.2",
    );
  });
});
