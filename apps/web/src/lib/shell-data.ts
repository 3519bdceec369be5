// The first data the server put into the app shell (apps/server/src/web/shell-data.ts): the default
// feed's first page or a public lesson, as an anonymous visitor reads it. Taken once, by the query
// that would otherwise ask the API for it on first load; a signed-in student asks the API instead,
// since their answer carries their own ratings and progress.
import { useAuth } from "../stores/auth";

let shellData: { key: string; body: unknown } | null | undefined;

function read(): { key: string; body: unknown } | null {
  if (shellData !== undefined) return shellData;
  const el = typeof document === "undefined" ? null : document.getElementById("lm-shell-data");
  try {
    shellData = el?.textContent ? JSON.parse(el.textContent) : null;
  } catch {
    shellData = null;
  }
  el?.remove();
  return shellData ?? null;
}

/** The shell's data for `key` ("feed", "video:<id>"), once; undefined when it has none or the reader is signed in. */
export function takeShellData<T>(key: string): T | undefined {
  const data = read();
  if (!data || data.key !== key || useAuth.getState().session) return undefined;
  shellData = null;
  return data.body as T;
}
