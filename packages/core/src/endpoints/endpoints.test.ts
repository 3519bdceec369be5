// The client builds its requests from the declarations: method and path (parameters encoded),
// and no token on `none` routes (a dead one would turn a log-in into a 401).
import { describe, expect, it } from "vitest";
import { ApiClient, memoryTokenStore } from "../client.js";
import { contract, endpoints, openApiPath, pathOf } from "./index.js";

function recordingClient() {
  const sent: Array<{ method: string; url: string; auth: string | undefined }> = [];
  const api = new ApiClient({
    baseUrl: "http://api.test/api/v1",
    tokens: memoryTokenStore({ accessToken: "a", refreshToken: "r", expiresIn: 900 } as never),
    fetch: async (url, init) => {
      const headers = (init?.headers ?? {}) as Record<string, string>;
      sent.push({ method: String(init?.method), url: String(url), auth: headers.authorization });
      return new Response(JSON.stringify({ session: {}, items: [], nextCursor: null }), { status: 200 });
    },
  });
  return { api, sent };
}

describe("endpoint declarations", () => {
  it("fill path parameters, encoded, and name them as OpenAPI does", () => {
    expect(pathOf(endpoints.ratings.ofUser, { userId: "u 1", videoId: "v/2" })).toBe("/ratings/user/u%201/video/v%2F2");
    expect(openApiPath(endpoints.planner.calendar.path)).toBe("/planner/calendar/{token}.ics");
    expect(() => pathOf(endpoints.videos.get, {})).toThrow(/missing path parameter id/);
  });

  it("have one schema entry per route, and one route per method and path", () => {
    const all = Object.values(contract()).flatMap((f) => Object.values(f));
    expect(all.length).toBe(Object.values(endpoints).flatMap((f) => Object.values(f)).length);
    const keys = all.map((e) => `${e.method} ${e.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("drive the client's method, path and token", async () => {
    const { api, sent } = recordingClient();
    await api.getVideo("abc");
    await api.answerQuiz("v1", { questionIndex: 0, choiceIndex: 1, clientId: "c" });
    await api.dueForecast(7);
    await api.login({ email: "a@b.c", password: "x" });
    expect(sent).toEqual([
      { method: "GET", url: "http://api.test/api/v1/videos/abc", auth: "Bearer a" },
      { method: "POST", url: "http://api.test/api/v1/videos/v1/quiz-answers", auth: "Bearer a" },
      { method: "GET", url: "http://api.test/api/v1/cards/forecast?days=7", auth: "Bearer a" },
      { method: "POST", url: "http://api.test/api/v1/auth/login", auth: undefined },
    ]);
  });
});
