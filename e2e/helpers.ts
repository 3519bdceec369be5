// Shared by the journeys: the mail outbox, page checks (title, axe-core, screenshots) and a few
// direct API calls for set-up that is not what a journey is about.
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page, type TestInfo } from "@playwright/test";

const here = dirname(fileURLToPath(import.meta.url));
export const SCREENSHOTS = join(here, "screenshots");
export const FIXTURES = join(here, "fixtures");
export const SERVER = `http://127.0.0.1:${process.env.LM_E2E_PORT}`;
export const API = `${SERVER}/api/v1`;
const OUTBOX = join(process.env.LM_E2E_DATA_DIR ?? "", "outbox");

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1440, height: 900 };

/** A unique address per run, so journeys never collide with each other or earlier runs. */
export function uniqueEmail(who: string): string {
  return `${who}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`;
}
export const PASSWORD = "Mitosis-Revision-2026!";

/** Decodes the quoted-printable body of an .eml file enough to read links from it. */
function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Waits for the newest e-mail to `to` in the outbox that holds a link to `path`, and returns it. */
export async function mailLink(to: string, path = "/verify-email"): Promise<{ url: string; token: string }> {
  let found: { url: string; token: string } | null = null;
  await expect
    .poll(
      () => {
        if (!existsSync(OUTBOX)) return null;
        for (const file of readdirSync(OUTBOX).sort().reverse()) {
          const raw = readFileSync(join(OUTBOX, file), "utf8");
          if (!raw.toLowerCase().includes(to.toLowerCase())) continue;
          const body = decodeQuotedPrintable(raw);
          const escaped = path.replace(/[/.]/g, "\\$&");
          const m = body.match(new RegExp(`https?://[^\\s"'<>]+${escaped}\\?token=([A-Za-z0-9._~%-]+)`));
          if (m) {
            found = { url: m[0], token: decodeURIComponent(m[1]) };
            return found.url;
          }
        }
        return null;
      },
      { message: `an e-mail to ${to} with a ${path} link in ${OUTBOX}`, timeout: 20_000 },
    )
    .toBeTruthy();
  return found!;
}

interface Violation {
  page: string;
  width: number;
  id: string;
  impact: string;
  help: string;
  nodes: number;
  targets: string[];
  sample: string;
}
/** Every axe violation seen in a test; the journeys print them at the end. */
export const violations: Violation[] = [];

/**
 * Known web-app issues reported (tagged "known: …") but not failed on. None today: the avatar's
 * initials pick a readable colour (core's readableTextColor) and the study plan list is focusable.
 */
const KNOWN: { rule: string; html: RegExp; why: string }[] = [];

async function axe(page: Page, name: string, enforce: boolean): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const width = page.viewportSize()?.width ?? 0;
  const blocking: string[] = [];
  for (const v of results.violations) {
    const groups = new Map<string, typeof v.nodes>();
    for (const n of v.nodes) {
      const known = KNOWN.find((k) => k.rule === v.id && k.html.test(n.html));
      const suffix = known ? ` [known: ${known.why}]` : "";
      groups.set(suffix, [...(groups.get(suffix) ?? []), n]);
    }
    for (const [suffix, nodes] of groups) {
      const impact = v.impact ?? "unknown";
      const targets = nodes.map((n) => n.target.join(" "));
      const sample = nodes[0].html.slice(0, 160);
      violations.push({
        page: name,
        width,
        id: v.id + suffix,
        impact,
        help: v.help,
        nodes: nodes.length,
        targets,
        sample,
      });
      if (!suffix && (impact === "serious" || impact === "critical"))
        blocking.push(`${impact} ${v.id}: ${v.help} (${targets.join(", ")})`);
    }
  }
  if (enforce) expect.soft(blocking, `serious/critical axe violations on ${name} at ${width}px`).toEqual([]);
}

/** Content-Security-Policy violations per watched page, across its navigations. */
const cspViolations = new WeakMap<Page, string[]>();

/**
 * Records every CSP violation the page reports (the `securitypolicyviolation` event, which also fires
 * for refusals the page's code catches and the console never shows); checkPage fails on any.
 */
export async function watchCsp(page: Page): Promise<void> {
  const seen: string[] = [];
  cspViolations.set(page, seen);
  await page.exposeFunction("__lmCspViolation", (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __lmCspViolation: (t: string) => void }).__lmCspViolation;
      report(`${e.effectiveDirective} refused ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`);
    });
  });
}

/** Let layout and fonts settle after navigation or a viewport change. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts?.ready.then(() => undefined));
  await page.waitForTimeout(300);
}

/**
 * The checks for every page a journey visits: the title names the app, axe-core (wcag2a + wcag2aa)
 * finds nothing serious or critical ("report" only records them), screenshots at each width, and
 * (on pages passed to watchCsp) no Content-Security-Policy violation since the previous check.
 */
export async function checkPage(
  page: Page,
  name: string,
  opts: { widths?: { width: number; height: number }[]; title?: boolean; axe?: "enforce" | "report" | "off" } = {},
): Promise<void> {
  const widths = opts.widths ?? [DESKTOP, PHONE];
  if (opts.title !== false) await expect(page).toHaveTitle(/Little Monster/);
  const original = page.viewportSize();
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const size of widths) {
    if (original?.width !== size.width || original?.height !== size.height) await page.setViewportSize(size);
    await settle(page);
    if (opts.axe !== "off") await axe(page, name, opts.axe !== "report");
    const label = size.width <= 500 ? "phone" : "desktop";
    // From the top, so that a sticky header is not painted halfway down the full-page image.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${label}.png`), fullPage: true });
  }
  if (original) await page.setViewportSize(original);
  await settle(page);
  const csp = cspViolations.get(page);
  if (csp) expect.soft(csp.splice(0), `Content-Security-Policy violations up to ${name}`).toEqual([]);
}

/** Prints the axe summary: every violation by page, and attaches it to the report. */
export async function reportViolations(testInfo: TestInfo, prefix: string): Promise<void> {
  const mine = violations.filter((v) => v.page.startsWith(prefix));
  const lines = mine.length
    ? mine.map(
        (v) =>
          `  [${v.impact}] ${v.page} @${v.width}px ${v.id} (${v.nodes}×): ${v.help} — ${v.targets.slice(0, 4).join(" | ")}\n      e.g. ${v.sample}`,
      )
    : ["  none"];
  const text = `axe-core (wcag2a, wcag2aa) violations, ${prefix}:\n${lines.join("\n")}`;
  console.log(text);
  await testInfo.attach(`axe-${prefix}`, { body: text, contentType: "text/plain" });
}

// ---- Direct API calls (set-up that is not the journey's subject) ----

export async function apiRegister(
  request: APIRequestContext,
  displayName: string,
): Promise<{ email: string; accessToken: string; userId: string }> {
  const email = uniqueEmail(displayName.toLowerCase().replace(/\W+/g, ""));
  const res = await request.post(`${API}/auth/register`, { data: { email, password: PASSWORD, displayName } });
  expect(res.status(), await res.text()).toBe(201);
  const body = await res.json();
  return { email, accessToken: body.session.accessToken, userId: body.user.id };
}

export async function apiVerify(request: APIRequestContext, email: string): Promise<void> {
  const { token } = await mailLink(email);
  const res = await request.post(`${API}/auth/verify-email`, { data: { token } });
  expect(res.status(), await res.text()).toBe(200);
}

/** Creates a lesson from notes and waits until it is published. */
export async function apiLesson(
  request: APIRequestContext,
  accessToken: string,
  input: { topic: string; subject: string; difficulty: string; sourceText: string },
): Promise<{ id: string; title: string }> {
  const headers = { Authorization: `Bearer ${accessToken}` };
  const res = await request.post(`${API}/videos`, { headers, data: { ...input, visibility: "PUBLIC" } });
  expect(res.status(), await res.text()).toBe(202);
  const { id } = await res.json();
  let video: { id: string; title: string; status: string; failureReason: string | null } | null = null;
  await expect
    .poll(
      async () => {
        video = await (await request.get(`${API}/videos/${id}`, { headers })).json();
        return video?.status;
      },
      { message: "the lesson to be published", timeout: 60_000 },
    )
    .toBe("PUBLIC");
  return { id, title: video!.title };
}

export function notes(name: string): string {
  return readFileSync(join(FIXTURES, name), "utf8");
}
