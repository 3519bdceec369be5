// Server URL and update feed: environment first, then settings.json, then the default.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SERVER_URL, loadSettings, parseServerUrl } from "./settings.js";

function settingsFile(content?: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "lm-settings-")), "settings.json");
  if (content !== undefined) writeFileSync(file, content);
  return file;
}

describe("loadSettings", () => {
  it("defaults to http://localhost:3000 with auto-update off", () => {
    expect(loadSettings(settingsFile(), {})).toEqual({
      settings: { serverUrl: DEFAULT_SERVER_URL, updateFeedUrl: null },
      warnings: [],
    });
  });

  it("reads the settings file", () => {
    const file = settingsFile(
      JSON.stringify({ serverUrl: "https://lm.example.com", updateFeedUrl: "https://u.example/" }),
    );
    expect(loadSettings(file, {}).settings).toEqual({
      serverUrl: "https://lm.example.com",
      updateFeedUrl: "https://u.example/",
    });
  });

  it("lets LM_SERVER_URL and LM_UPDATE_FEED_URL override the file", () => {
    const file = settingsFile(JSON.stringify({ serverUrl: "https://file.example" }));
    const env = { LM_SERVER_URL: "http://127.0.0.1:8080", LM_UPDATE_FEED_URL: "https://feed.example/lm" };
    expect(loadSettings(file, env).settings).toEqual({
      serverUrl: "http://127.0.0.1:8080",
      updateFeedUrl: "https://feed.example/lm",
    });
  });

  it("falls back past a bad value and says why", () => {
    const file = settingsFile(JSON.stringify({ serverUrl: "https://file.example" }));
    const result = loadSettings(file, { LM_SERVER_URL: "javascript:alert(1)", LM_UPDATE_FEED_URL: "http://plain" });
    expect(result.settings).toEqual({ serverUrl: "https://file.example", updateFeedUrl: null });
    expect(result.warnings).toHaveLength(2);
  });

  it("survives a corrupt settings file", () => {
    const result = loadSettings(settingsFile("{not json"), {});
    expect(result.settings.serverUrl).toBe(DEFAULT_SERVER_URL);
    expect(result.warnings[0]).toMatch(/ignored/);
  });
});

describe("parseServerUrl", () => {
  it("normalises to an origin and refuses paths, credentials and other schemes", () => {
    expect(parseServerUrl("https://LM.example.com:443/")).toBe("https://lm.example.com");
    expect(() => parseServerUrl("https://lm.example.com/api")).toThrow();
    expect(() => parseServerUrl("https://u:p@lm.example.com")).toThrow();
    expect(() => parseServerUrl("file:///x")).toThrow();
  });

  it("allows plain http only to this machine (the page is a secure context)", () => {
    expect(parseServerUrl("http://localhost:3000")).toBe("http://localhost:3000");
    expect(parseServerUrl("http://[::1]:3000")).toBe("http://[::1]:3000");
    expect(() => parseServerUrl("http://10.0.0.5:8080")).toThrow(/https/);
    expect(() => parseServerUrl("http://localhost.evil.example")).toThrow(/https/);
  });
});
