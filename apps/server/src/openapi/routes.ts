// GET /api/v1/openapi.json and the docs page at /api/docs, served from local assets only.
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { contract } from "@lm/core";
import express, { Router } from "express";
import { endpointRouter } from "../http/endpoint.js";
import { openApiDocument } from "./spec.js";

const require = createRequire(import.meta.url);
const swaggerDir = dirname(require.resolve("swagger-ui-dist/package.json"));

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Little Monster API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head><body><div id="ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script><script src="/api/docs/init.js"></script></body></html>`;
const INIT = `window.ui = SwaggerUIBundle({ url: "/api/v1/openapi.json", dom_id: "#ui" });`;

export function openApiRoutes(appUrl: string) {
  const doc = openApiDocument(`${appUrl}/api/v1`);
  const api = Router();
  endpointRouter(api, { requireVerifiedEmail: false })(contract().meta.openapi, () => doc);
  const docs = Router();
  docs.get("/", (_req, res) => {
    res.setHeader(
      "Content-Security-Policy",
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'",
    );
    res.type("html").send(PAGE);
  });
  docs.get("/init.js", (_req, res) => {
    res.type("js").send(INIT);
  });
  docs.use("/assets", express.static(swaggerDir, { maxAge: "1d", index: false }));
  return { api, docs };
}
