// The CSP string and the hook that puts it on every response.
import { describe, expect, it } from "vitest";
import type { HeadersReceivedResponse, OnHeadersReceivedListenerDetails } from "electron";
import { buildCsp, type CspWebRequest, installCsp, websocketOrigin, withCsp } from "./csp.js";

/** Parses "a x y; b z" into { a: ["x","y"], b: ["z"] }. */
function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp.split(";").map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe("buildCsp", () => {
  const csp = buildCsp("https://api.example.com");
  const d = directives(csp);

  it("never allows inline code or eval anywhere", () => {
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("unsafe-hashes");
    expect(csp).not.toContain("wasm-unsafe-eval");
    expect(csp).not.toContain("*");
  });

  it("allows scripts and styles only from the app itself", () => {
    expect(d["default-src"]).toEqual(["'none'"]);
    expect(d["script-src"]).toEqual(["'self'"]);
    expect(d["style-src"]).toEqual(["'self'"]);
    expect(d["object-src"]).toEqual(["'none'"]);
    expect(d["base-uri"]).toEqual(["'none'"]);
    expect(d["frame-ancestors"]).toEqual(["'none'"]);
  });

  it("lets the page reach the configured server over http and websockets", () => {
    expect(d["connect-src"]).toEqual(["'self'", "https://api.example.com", "wss://api.example.com"]);
    expect(directives(buildCsp("http://localhost:3000"))["connect-src"]).toEqual([
      "'self'",
      "http://localhost:3000",
      "ws://localhost:3000",
    ]);
  });

  it("loads thumbnails from the server", () => {
    expect(d["img-src"]).toContain("https://api.example.com");
  });

  it("websocketOrigin maps http→ws and https→wss", () => {
    expect(websocketOrigin("http://h:1")).toBe("ws://h:1");
    expect(websocketOrigin("https://h")).toBe("wss://h");
  });
});

describe("installCsp", () => {
  type Listener = Parameters<CspWebRequest["onHeadersReceived"]>[0];
  const run = (responseHeaders: Record<string, string[]> | undefined) => {
    let listener: Listener | null = null;
    installCsp(
      {
        onHeadersReceived: (l) => {
          listener = l;
        },
      },
      "default-src 'none'",
    );
    let result: HeadersReceivedResponse | undefined;
    // The listener reads only responseHeaders.
    listener!({ responseHeaders } as OnHeadersReceivedListenerDetails, (r) => {
      result = r;
    });
    return result?.responseHeaders as Record<string, string[]>;
  };

  it("adds the CSP to a response that had none and keeps its other headers", () => {
    expect(run({ "Content-Type": ["text/html"] })).toEqual({
      "Content-Type": ["text/html"],
      "Content-Security-Policy": ["default-src 'none'"],
    });
  });

  it("replaces a weaker CSP sent by a server, whatever its letter case", () => {
    const headers = run({ "content-security-policy": ["script-src * 'unsafe-inline'"] });
    expect(headers).toEqual({ "Content-Security-Policy": ["default-src 'none'"] });
  });

  it("handles responses without headers", () => {
    expect(run(undefined)).toEqual({ "Content-Security-Policy": ["default-src 'none'"] });
  });

  it("withCsp does not mutate its input", () => {
    const input = { "Content-Security-Policy": ["x"] };
    withCsp(input, "y");
    expect(input).toEqual({ "Content-Security-Policy": ["x"] });
  });
});
