// Desktop settings: the API server URL and the update feed, from the environment or a JSON file
// in the user-data folder. Parsed once at start-up; a bad value is reported, never half-used.
import { readFileSync } from "node:fs";

export const DEFAULT_SERVER_URL = "http://localhost:3000";

export interface DesktopSettings {
  /** Origin of the Little Monster API, e.g. https://api.example.com (no path). */
  serverUrl: string;
  /** Generic electron-updater feed (https), or null to leave auto-update off. */
  updateFeedUrl: string | null;
}

export interface SettingsResult {
  settings: DesktopSettings;
  /** Human-readable problems that made us fall back to a default. */
  warnings: string[];
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Normalises to an origin; throws on anything but https (or http on this machine) with a host and
 * no credentials. The page is a secure context (app://), so Chromium would block plain http to
 * another host as mixed content anyway: better to say so at start-up.
 */
export function parseServerUrl(value: string): string {
  const url = new URL(value);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK.has(url.hostname))) {
    throw new Error(`server URL must be https (http only for localhost): ${value}`);
  }
  if (url.username || url.password) throw new Error("server URL must not carry credentials");
  if (url.pathname !== "/" || url.search || url.hash) throw new Error(`server URL must be an origin only: ${value}`);
  return url.origin;
}

export function parseFeedUrl(value: string): string {
  const url = new URL(value);
  if (url.protocol !== "https:") throw new Error(`update feed must be https: ${value}`);
  return url.href;
}

function readJson(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return {}; // no settings file yet is the normal case
  }
  const data: unknown = JSON.parse(text);
  if (typeof data !== "object" || data === null || Array.isArray(data))
    throw new Error("settings file is not an object");
  return data as Record<string, unknown>;
}

/** Environment wins over the file (LM_SERVER_URL, LM_UPDATE_FEED_URL). */
export function loadSettings(file: string, env: NodeJS.ProcessEnv): SettingsResult {
  const warnings: string[] = [];
  let fromFile: Record<string, unknown> = {};
  try {
    fromFile = readJson(file);
  } catch (error) {
    warnings.push(`ignored ${file}: ${(error as Error).message}`);
  }

  const pick = (envName: string, key: string, parse: (v: string) => string): string | null => {
    const candidates: Array<[string, unknown]> = [
      [envName, env[envName]],
      [`${file}#${key}`, fromFile[key]],
    ];
    for (const [source, raw] of candidates) {
      if (raw === undefined || raw === "") continue;
      try {
        if (typeof raw !== "string") throw new Error("not a string");
        return parse(raw);
      } catch (error) {
        warnings.push(`ignored ${source}: ${(error as Error).message}`);
      }
    }
    return null;
  };

  return {
    settings: {
      serverUrl: pick("LM_SERVER_URL", "serverUrl", parseServerUrl) ?? DEFAULT_SERVER_URL,
      updateFeedUrl: pick("LM_UPDATE_FEED_URL", "updateFeedUrl", parseFeedUrl),
    },
    warnings,
  };
}
