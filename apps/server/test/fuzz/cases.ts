// Turns the served OpenAPI document into fuzz requests: for every operation, hostile values per
// schema type in each path parameter, query parameter and body field (one at a time, the rest
// valid), plus whole-body attacks, each sent with and without a token.
import {
  DEEP_ARRAY,
  DEEP_JSON,
  GARBAGE_CURSORS,
  HOSTILE_DATES,
  HOSTILE_UUIDS,
  type Hostile,
  hostileNumbers,
  hostileStrings,
  mutateCursor,
  type Rng,
  wrongTypes,
} from "./values.js";

export interface JsonSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  minimum?: number;
  minItems?: number;
  minLength?: number;
}

interface Parameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: string;
  path: string;
  auth: boolean;
  params: Parameter[];
  body?: JsonSchema;
}

export interface FuzzRequest {
  op: string;
  /** Where the hostile value went and what it was, for the failure report. */
  what: string;
  method: string;
  /** Relative to /api/v1, query included. */
  url: string;
  body?: string;
  headers: Record<string, string>;
}

/** What only the test knows: real ids, valid values for fields a schema cannot describe, cursors. */
export interface Fixtures {
  realId(path: string, param: string): string;
  valueFor(field: string): unknown;
  cursors(path: string): Array<{ query: Record<string, string>; cursor: string }>;
}

interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      {
        security?: unknown[];
        parameters?: Parameter[];
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
}

export function operationsOf(doc: OpenApiDoc): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      auth: (op.security?.length ?? 0) > 0,
      params: op.parameters ?? [],
      body: op.requestBody?.content["application/json"]?.schema,
    })),
  );
}

/** A valid value for a schema (the baseline every hostile value is swapped into). */
export function sample(schema: JsonSchema, field: string, fx: Fixtures): unknown {
  const known = fx.valueFor(field);
  if (known !== undefined) return known;
  if (schema.anyOf) return sample(schema.anyOf.find((s) => s.type !== "null") ?? schema.anyOf[0], field, fx);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case "object":
      return Object.fromEntries((schema.required ?? []).map((k) => [k, sample(schema.properties?.[k] ?? {}, k, fx)]));
    case "array":
      return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items ?? {}, field, fx));
    case "integer":
    case "number":
      return Math.max(schema.minimum ?? 1, 1);
    case "boolean":
      return false;
    case "string":
      if (schema.format === "uuid") return fx.realId("", field);
      if (schema.format === "date-time") return "2031-03-04T10:00:00Z";
      return "Sample text".padEnd(schema.minLength ?? 0, "x");
    default:
      return null;
  }
}

/** Hostile values for one schema, with nested fields reached by `path` (a.b, tags[0]). */
function hostileFor(schema: JsonSchema, rng: Rng): Hostile[] {
  const types = schema.anyOf?.map((s) => s.type) ?? [schema.type];
  const out: Hostile[] = [...wrongTypes()];
  const formats = [schema.format, ...(schema.anyOf?.map((s) => s.format) ?? [])];
  if (types.includes("string")) out.push(...hostileStrings(rng));
  if (formats.includes("uuid")) out.push(...HOSTILE_UUIDS);
  if (formats.includes("date-time")) out.push(...HOSTILE_DATES);
  if (types.includes("integer") || types.includes("number")) out.push(...hostileNumbers());
  if (schema.enum) out.push({ label: "enum lower-cased", value: String(schema.enum[0]).toLowerCase() });
  if (types.includes("array")) {
    const items = schema.items ?? {};
    out.push(
      ...hostileFor(items, rng).map((x) => ({ label: `[${x.label}]`, value: [x.value] })),
      { label: "10,000 items", value: Array.from({ length: 10_000 }, () => "a") },
      { label: "nested arrays", value: [[[["a"]]]] },
    );
  }
  return out;
}

function fields(schema: JsonSchema, prefix: string[] = []): Array<{ path: string[]; schema: JsonSchema }> {
  return Object.entries(schema.properties ?? {}).flatMap(([k, s]) => {
    const path = [...prefix, k];
    return [{ path, schema: s }, ...(s.type === "object" ? fields(s, path) : [])];
  });
}

function withValue(base: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  let node = copy;
  for (const k of path.slice(0, -1)) {
    if (typeof node[k] !== "object" || node[k] === null) node[k] = {};
    node = node[k] as Record<string, unknown>;
  }
  node[path.at(-1)!] = value;
  return copy;
}

const JSON_HEADERS = { "content-type": "application/json" };

/** The requests for one operation; the caller sends each with and without a token. */
export function requestsFor(op: Operation, fx: Fixtures, rng: Rng): FuzzRequest[] {
  const name = `${op.method} ${op.path}`;
  const pathParams = op.params.filter((p) => p.in === "path");
  const queryParams = op.params.filter((p) => p.in === "query");
  const realPath = op.path.replace(/\{(\w+)\}/g, (_m, p: string) => fx.realId(op.path, p));
  const baseQuery = Object.fromEntries(
    queryParams.filter((p) => p.required).map((p) => [p.name, String(sample(p.schema, p.name, fx))]),
  );
  const baseBody = op.body ? sample(op.body, "(body)", fx) : undefined;
  const jsonBody = (v: unknown) => (v === undefined ? {} : { body: JSON.stringify(v), headers: JSON_HEADERS });
  const url = (path: string, query: URLSearchParams) => (query.size ? `${path}?${query}` : path);
  const out: FuzzRequest[] = [];
  const add = (what: string, r: Omit<FuzzRequest, "op" | "what" | "method" | "headers"> & { headers?: object }) =>
    out.push({ op: name, what, method: op.method, headers: {}, ...r } as FuzzRequest);

  // A DELETE with the real id would remove the fixtures the rest of the run relies on.
  if (op.method !== "DELETE")
    add("baseline", { url: url(realPath, new URLSearchParams(baseQuery)), ...jsonBody(baseBody) });

  for (const p of pathParams) {
    const values = [
      ...HOSTILE_UUIDS.map((x) => ({ label: x.label, raw: encodeURIComponent(String(x.value)) })),
      { label: "encoded ../", raw: "%2e%2e%2f%2e%2e%2fetc%2fpasswd" },
      { label: "raw %00", raw: "%00" },
      { label: "bad percent-encoding", raw: "%E0%A4%A" },
      { label: "2,000 characters", raw: "a".repeat(2000) },
    ];
    for (const v of values) {
      const path = op.path.replace(/\{(\w+)\}/g, (_m, q: string) => (q === p.name ? v.raw : fx.realId(op.path, q)));
      add(`path ${p.name}: ${v.label}`, { url: url(path, new URLSearchParams(baseQuery)), ...jsonBody(baseBody) });
    }
  }

  for (const p of queryParams) {
    const values: Hostile[] = hostileFor(p.schema, rng)
      .filter((x) => typeof x.value !== "object" || x.value === null)
      .map((x) => (typeof x.value === "string" && x.value.length > 5000 ? { ...x, value: x.value.slice(0, 5000) } : x));
    for (const v of values) {
      add(`query ${p.name}: ${v.label}`, {
        url: url(realPath, new URLSearchParams({ ...baseQuery, [p.name]: String(v.value) })),
      });
    }
    const twice = new URLSearchParams(baseQuery);
    twice.append(p.name, "a");
    twice.append(p.name, "b");
    add(`query ${p.name}: given twice`, { url: url(realPath, twice) });
    if (p.name === "cursor") {
      for (const v of GARBAGE_CURSORS)
        add(`query cursor: ${v.label}`, {
          url: url(realPath, new URLSearchParams({ ...baseQuery, cursor: String(v.value) })),
        });
      for (const real of fx.cursors(op.path)) {
        for (const v of mutateCursor(real.cursor)) {
          const q = new URLSearchParams({ ...baseQuery, ...real.query, cursor: String(v.value) });
          const kind = real.query.sort ?? (real.query.q ? "search" : "default order");
          add(`query ${kind} ${v.label}`, { url: url(realPath, q) });
        }
      }
    }
  }

  if (op.body) {
    for (const f of fields(op.body)) {
      for (const v of hostileFor(f.schema, rng)) {
        add(`body ${f.path.join(".")}: ${v.label}`, {
          url: realPath,
          ...jsonBody(withValue(baseBody, f.path, v.value)),
        });
      }
    }
    add("body with an unknown field", { url: realPath, ...jsonBody({ ...(baseBody as object), extra: "\u0000" }) });
  }
  if (op.method === "POST" || op.method === "PATCH") {
    const raw = (what: string, body: string, headers: Record<string, string> = JSON_HEADERS) =>
      add(what, { url: realPath, body, headers });
    raw("body nested 100,000 objects deep", DEEP_JSON);
    raw("body nested 100,000 arrays deep", DEEP_ARRAY);
    raw("body is an array", "[]");
    raw("body is null", "null");
    raw("body is a string", '"\\u0000"');
    raw("body is truncated JSON", '{"a":');
    raw("body with a NUL key", '{"\\u0000":1}');
    raw("body as UTF-16", JSON.stringify(baseBody ?? {}), { "content-type": "application/json; charset=utf-16" });
    raw("body as text/plain", "hello", { "content-type": "text/plain" });
  }
  return out;
}
