// Our Content-Security-Policy forbids eval. zod 4 probes `new Function("")` when it builds an object
// schema, to decide whether to compile fast parsers; the refused probe is reported as a CSP violation
// (the browser's issues panel, Lighthouse's best-practices score). Forms validate a handful of
// fields, so zod's interpreted path costs nothing noticeable.
//
// zod keeps its settings on `globalThis.__zod_globalConfig` (its `config()` writes there, and every
// copy of zod on the page reads it). Writing it directly, first thing in main.tsx, switches the
// probe off before any schema exists without putting zod itself into the first load: zod only
// arrives with the pages that validate forms.
declare global {
  var __zod_globalConfig: { jitless?: boolean } | undefined;
}

globalThis.__zod_globalConfig = { ...globalThis.__zod_globalConfig, jitless: true };

export {};
