import { ApiError } from "@lm/core";
import { describe, expect, it } from "vitest";
import { useAuth } from "../stores/auth";
import { json, makeUser, problem, session, installFakeApi } from "../testing/fake-api";

describe("session refresh", () => {
  it("two requests that get 401 at once share exactly one refresh, then both succeed", async () => {
    useAuth.getState().signIn(session(1), makeUser());
    let release: () => void = () => {};
    const refreshAnswered = new Promise<void>((r) => {
      release = r;
    });
    const { client, calls } = installFakeApi(async (req) => {
      if (req.path === "/auth/refresh-token") {
        await refreshAnswered;
        return json(200, { session: session(2) });
      }
      if (req.headers.authorization === "Bearer access-1") return problem(401, "unauthorized");
      if (req.path === "/users/me") return json(200, makeUser());
      if (req.path === "/notifications") return json(200, { items: [], nextCursor: null });
    });

    const both = Promise.all([client.me(), client.notifications()]);
    await new Promise((r) => setTimeout(r, 10));
    release();
    const [me, page] = await both;

    expect(me.displayName).toBe("Sam Student");
    expect(page.items).toEqual([]);
    const refreshes = calls.filter((c) => c.path === "/auth/refresh-token");
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0].body).toEqual({ refreshToken: "refresh-1" });
    expect(useAuth.getState().session?.refreshToken).toBe("refresh-2");
    expect(JSON.parse(localStorage.getItem("lm.session")!).accessToken).toBe("access-2");
  });

  it("when the refresh token was reused, the session ends with a message for the log-in page", async () => {
    useAuth.getState().signIn(session(1), makeUser());
    const { client } = installFakeApi((req) => {
      if (req.path === "/auth/refresh-token") return problem(401, "refresh_token_reused");
      return problem(401, "unauthorized");
    });

    await expect(client.me()).rejects.toBeInstanceOf(ApiError);
    const state = useAuth.getState();
    expect(state.session).toBeNull();
    expect(state.user).toBeNull();
    expect(state.endedMessage).toMatch(/signed you out/i);
    expect(localStorage.getItem("lm.session")).toBeNull();
  });

  it("uses tokens another tab has just rotated instead of refreshing again", async () => {
    useAuth.getState().signIn(session(1), makeUser());
    const { client, calls } = installFakeApi((req) => {
      if (req.path === "/auth/refresh-token") return problem(401, "refresh_token_reused");
      if (req.headers.authorization === "Bearer access-1") {
        // Meanwhile, another tab rotated the pair and stored it.
        localStorage.setItem("lm.session", JSON.stringify(session(3)));
        return problem(401, "unauthorized");
      }
      if (req.headers.authorization === "Bearer access-3") return json(200, makeUser({ displayName: "Rotated" }));
    });
    const me = await client.me();
    expect(me.displayName).toBe("Rotated");
    expect(calls.filter((c) => c.path === "/auth/refresh-token").length).toBeLessThanOrEqual(1);
    expect(useAuth.getState().endedMessage).toBeNull();
  });
});
