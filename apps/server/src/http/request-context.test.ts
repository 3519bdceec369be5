// Request logging: the child logger (made on first use) carries the request id the client sees,
// and below info only failures leave a line.
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import express from "express";
import { describe, expect, it } from "vitest";
import { createLogger } from "../logger.js";
import { requestContext, requestLogger } from "./request-context.js";

async function serve(level: string) {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      for (const l of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(l));
      cb();
    },
  });
  const log = createLogger(level, stream, { pretty: false });
  const app = express();
  requestLogger(app, log);
  app.use(requestContext(log));
  app.get("/ok", (req, res) => {
    req.log.warn({ step: "inside" }, "handler says");
    res.json({ ok: true });
  });
  app.get("/quiet", (_req, res) => res.json({ ok: true }));
  app.get("/fail", (_req, res) => res.status(500).json({}));
  const server = app.listen(0);
  await new Promise((r) => server.once("listening", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { lines, base, close: () => new Promise((r) => server.close(r)) };
}

describe("request logging", () => {
  it("a handler's lines and the access line carry the id the client got", async () => {
    const s = await serve("info");
    try {
      const res = await fetch(`${s.base}/ok`, { headers: { "x-request-id": "client-chosen-id-1" } });
      expect(res.headers.get("x-request-id")).toBe("client-chosen-id-1");
      const other = await fetch(`${s.base}/ok`);
      const generated = other.headers.get("x-request-id");
      await new Promise((r) => setTimeout(r, 50));
      const inside = s.lines.filter((l) => l.step === "inside").map((l) => l.reqId);
      expect(inside).toEqual(["client-chosen-id-1", generated]);
      const access = s.lines.filter((l) => l.msg === "request").map((l) => [l.reqId, l.status]);
      expect(access).toEqual([
        ["client-chosen-id-1", 200],
        [generated, 200],
      ]);
    } finally {
      await s.close();
    }
  });

  it("below info, a success leaves no line and a failure still does", async () => {
    const s = await serve("warn");
    try {
      await fetch(`${s.base}/quiet`);
      const failed = await fetch(`${s.base}/fail`);
      await new Promise((r) => setTimeout(r, 50));
      expect(s.lines.map((l) => [l.msg, l.status, l.reqId])).toEqual([
        ["request", 500, failed.headers.get("x-request-id")],
      ]);
    } finally {
      await s.close();
    }
  });
});
