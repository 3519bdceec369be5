// A fake `fetch` for the real ApiClient: tests describe the server's answers, route by route.
import type { Session, User, Video } from "@lm/core";
import { vi } from "vitest";
import { createApiClient, setApiClient, type WebApiClient } from "../lib/api";

export interface FakeRequest {
  method: string;
  path: string;
  url: URL;
  body: unknown;
  headers: Record<string, string>;
}
export type Handler = (req: FakeRequest) => Response | undefined | Promise<Response | undefined>;

export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

export const problem = (status: number, code: string, errors?: { path: string; message: string }[], detail?: string) =>
  new Response(JSON.stringify({ type: "about:blank", title: code, status, code, detail, errors }), {
    status,
    headers: { "content-type": "application/problem+json" },
  });

export function fakeFetch(handler: Handler) {
  const calls: FakeRequest[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const raw = init?.body;
    let body: unknown = raw;
    if (typeof raw === "string") {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const req: FakeRequest = {
      method: init?.method ?? "GET",
      path: url.pathname.replace(/^\/api\/v1/, ""),
      url,
      body,
      headers: (init?.headers ?? {}) as Record<string, string>,
    };
    calls.push(req);
    const res = await handler(req);
    return res ?? problem(404, "not_found");
  });
  return { fetch: fn as unknown as typeof fetch, calls };
}

/** Installs an ApiClient (the app's real one) that talks to the fake fetch. */
export function installFakeApi(handler: Handler): { client: WebApiClient; calls: FakeRequest[] } {
  const { fetch, calls } = fakeFetch(handler);
  const client = createApiClient({ baseUrl: "http://localhost/api/v1", fetch });
  setApiClient(client);
  return { client, calls };
}

export const session = (n = 1): Session => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  tokenType: "Bearer",
  expiresIn: 900,
});

const NOW = "2026-11-26T09:00:00.000Z";

export function makeUser(over: Partial<User> = {}): User {
  return {
    id: "11111111-1111-4111-8111-111111111111",
    email: "sam@example.com",
    emailVerified: true,
    displayName: "Sam Student",
    avatarColor: "#4F46E5",
    subjects: ["BIOLOGY"],
    preferences: {},
    role: "USER",
    createdAt: NOW,
    updatedAt: NOW,
    lastActiveAt: NOW,
    ...over,
  };
}

export function makeVideo(over: Partial<Video> = {}): Video {
  return {
    id: "22222222-2222-4222-8222-222222222222",
    title: "How cells work",
    subject: "BIOLOGY",
    difficulty: "BEGINNER",
    topic: "Cells",
    createdBy: {
      id: "33333333-3333-4333-8333-333333333333",
      displayName: "Ada",
      avatarColor: "#16A34A",
      subjects: [],
      createdAt: NOW,
    },
    status: "PUBLIC",
    scriptSummary: "Cells are the building blocks of life.",
    script: "Cells are the units of life. The nucleus holds DNA.",
    keyPoints: ["Cells are the units of life", "The nucleus holds DNA"],
    timestamps: [0, 10],
    videoUrl: null,
    thumbnailUrl: null,
    duration: 20,
    ratingAvg: 4,
    ratingCount: 2,
    viewCount: 10,
    commentCount: 0,
    tags: ["cells"],
    quiz: [{ question: "What holds DNA?", choices: ["Nucleus", "Membrane"], answerIndex: 0 }],
    failureCode: null,
    failureReason: null,
    media: {
      status: "PENDING",
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
    myRating: null,
    ...over,
  };
}
