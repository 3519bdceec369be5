// A fake HTTP API on global fetch: routes like "GET /videos/:id" answer with JSON; every call is recorded.
export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}
export class FakeReply {
  constructor(
    readonly status: number,
    readonly body?: unknown,
  ) {}
}
type Handler = (req: FakeRequest) => unknown;

/** A reply with a status other than 200 (the default for a plain returned body). */
export const reply = (status: number, body?: unknown) => new FakeReply(status, body);

export function fakeApi(routes: Record<string, Handler>) {
  const calls: FakeRequest[] = [];
  let offline = false;
  const fetchMock = jest.fn(async (input: string, init: RequestInit = {}) => {
    if (offline) throw new TypeError("Network request failed");
    const url = new URL(input);
    const path = url.pathname.replace(/^\/api\/v1/, "");
    const method = init.method ?? "GET";
    const headers = (init.headers ?? {}) as Record<string, string>;
    const body = typeof init.body === "string" ? JSON.parse(init.body) : undefined;
    for (const [route, handler] of Object.entries(routes)) {
      const [m, pattern] = route.split(" ");
      const names: string[] = [];
      const source = pattern.replace(/:(\w+)/g, (_, name: string) => {
        names.push(name);
        return "([^/]+)";
      });
      const re = new RegExp(`^${source}$`);
      const match = m === method ? re.exec(path) : null;
      if (!match) continue;
      const params = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
      const req = { method, path, query: url.searchParams, params, headers, body };
      calls.push(req);
      const out = await handler(req);
      // A Response as it is (files such as captions.vtt are not JSON).
      if (out instanceof Response) return out;
      const r = out instanceof FakeReply ? out : new FakeReply(200, out);
      return new Response(r.body === undefined ? null : JSON.stringify(r.body), {
        status: r.status,
        headers: { "content-type": "application/json" },
      });
    }
    calls.push({ method, path, query: url.searchParams, params: {}, headers, body });
    return new Response(JSON.stringify({ code: "not_found", status: 404 }), { status: 404 });
  });
  global.fetch = fetchMock as unknown as typeof fetch;
  return {
    calls,
    callsTo: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path),
    setOffline(value: boolean) {
      offline = value;
    },
  };
}
