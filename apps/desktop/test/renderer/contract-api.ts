// A stand-in API server that answers what the web build asks for on load with data of the
// contract's shape (checked against @lm/core's schemas, so the fixture cannot drift), and
// anything else with a 404 problem — never a catch-all `{ ok: true }`, on which the app would be
// tested against answers no real server gives. Requests are recorded so the test can require
// that every call the page made had a contract answer.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { Page, Video } from "@lm/core";
import { listen, type Served } from "./harness.js";

const NOW = "2026-12-04T09:00:00.000Z";

/** One public lesson, as GET /videos lists it. */
export const SAMPLE_VIDEO = Video.parse({
  id: "22222222-2222-4222-8222-222222222222",
  title: "How cells divide",
  subject: "BIOLOGY",
  difficulty: "BEGINNER",
  topic: "Cell division",
  createdBy: {
    id: "33333333-3333-4333-8333-333333333333",
    displayName: "Ada",
    avatarColor: "#16A34A",
    subjects: [],
    createdAt: NOW,
  },
  status: "PUBLIC",
  scriptSummary: "Cells copy their DNA and split in two.",
  script: "Cells copy their DNA. Then they split in two.",
  keyPoints: ["Cells copy their DNA", "Then they split in two"],
  timestamps: [0, 8],
  videoUrl: null,
  thumbnailUrl: null,
  duration: 16,
  ratingAvg: 0,
  ratingCount: 0,
  viewCount: 1,
  commentCount: 0,
  tags: [],
  quiz: [],
  failureCode: null,
  failureReason: null,
  media: {
    status: "UNAVAILABLE",
    progress: 0,
    durationSec: null,
    sizeBytes: null,
    mp4Url: null,
    captionsUrl: null,
    chaptersUrl: null,
    failureCode: null,
    failureReason: null,
  },
  createdAt: NOW,
  updatedAt: NOW,
});

type Route = (url: URL) => unknown;

/** GET routes a signed-out visitor's first page calls. */
const ROUTES: Record<string, Route> = {
  "/health": () => ({ status: "ok" }),
  "/api/v1/videos": () => Page(Video).parse({ items: [SAMPLE_VIDEO], nextCursor: null }),
};

export interface ApiCall {
  method: string;
  path: string;
  status: number;
}

export interface ContractApi extends Served {
  calls: ApiCall[];
}

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Headers": "authorization, content-type, idempotency-key, accept",
};

function send(res: ServerResponse, status: number, type: string, body: unknown) {
  res.writeHead(status, { "Content-Type": type, ...CORS });
  res.end(JSON.stringify(body));
}

/** `malformed` answers every known route with `{ ok: true }`: how the app copes with a wrong answer. */
export async function serveContractApi({ malformed = false } = {}): Promise<ContractApi> {
  const calls: ApiCall[] = [];
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://api.test");
    if (req.method === "OPTIONS") {
      res.writeHead(204, CORS);
      return res.end();
    }
    const route = req.method === "GET" ? ROUTES[url.pathname] : undefined;
    const status = route ? 200 : 404;
    calls.push({ method: req.method ?? "GET", path: url.pathname, status });
    if (!route) {
      return send(res, 404, "application/problem+json", {
        type: "about:blank",
        title: "Not Found",
        status: 404,
        code: "not_found",
        detail: `The stand-in API has no contract answer for ${req.method} ${url.pathname}: add one in contract-api.ts.`,
      });
    }
    send(res, 200, "application/json", malformed ? { ok: true } : route(url));
  };
  const served = await listen(createServer(handle));
  return Object.assign(served, { calls });
}
