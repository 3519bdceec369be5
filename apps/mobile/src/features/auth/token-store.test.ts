// Unit: the token store over an in-memory fake of expo-secure-store (and sessionStorage on the web).
import { ApiClient, type Session } from "@lm/core";
import * as SecureStore from "expo-secure-store";
import { createSessionStore, SESSION_KEY } from "./session-store";
import { createTokenStore } from "./token-store";
import { sessionStorageBackend } from "./token-store.web";

const session = (n: number): Session => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  tokenType: "Bearer",
  expiresIn: 900,
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("token store (secure store on the device)", () => {
  test("a saved session is there after a restart", async () => {
    const first = createTokenStore();
    first.set(session(1));
    await first.flush();
    expect(await SecureStore.getItemAsync(SESSION_KEY)).toContain("refresh-1");
    const reopened = createTokenStore();
    expect(reopened.get()).toBeNull();
    expect(await reopened.load()).toEqual(session(1));
    expect(reopened.get()).toEqual(session(1));
  });

  test("sign-out removes the session from the device", async () => {
    const store = createTokenStore();
    store.set(session(2));
    store.set(null);
    await store.flush();
    expect(await SecureStore.getItemAsync(SESSION_KEY)).toBeNull();
    expect(await createTokenStore().load()).toBeNull();
  });

  test("garbage in the store is treated as signed out", async () => {
    await SecureStore.setItemAsync(SESSION_KEY, "{not json");
    expect(await createTokenStore().load()).toBeNull();
  });

  test("a sign-in during start-up is not overwritten by the older saved session", async () => {
    await SecureStore.setItemAsync(SESSION_KEY, JSON.stringify(session(1)));
    const store = createTokenStore();
    const loading = store.load();
    store.set(session(9));
    expect(await loading).toEqual(session(9));
  });

  test("concurrent 401s rotate the refresh token once and the device keeps the newest pair", async () => {
    const store = createTokenStore();
    store.set(session(1));
    let refreshes = 0;
    const fetchFn = jest.fn(async (url: string, init?: RequestInit) => {
      const auth = (init!.headers as Record<string, string>).authorization;
      if (url.endsWith("/auth/refresh-token")) {
        refreshes++;
        return json({ session: session(2) });
      }
      return auth === "Bearer access-2" ? json({ ok: true }) : json({ code: "unauthorized" }, 401);
    });
    const api = new ApiClient({
      baseUrl: "http://api.test/api/v1",
      fetch: fetchFn as unknown as typeof fetch,
      tokens: store,
    });
    await Promise.all([api.me(), api.me(), api.me()]);
    expect(refreshes).toBe(1);
    await store.flush();
    expect(JSON.parse((await SecureStore.getItemAsync(SESSION_KEY)) ?? "null")).toEqual(session(2));
  });

  test("listeners hear sign-in and sign-out", () => {
    const store = createTokenStore();
    const heard: Array<string | null> = [];
    store.subscribe((s) => heard.push(s?.accessToken ?? null));
    store.set(session(3));
    store.set(null);
    expect(heard).toEqual(["access-3", null]);
  });
});

describe("token store (sessionStorage on the web)", () => {
  test("keeps the session in sessionStorage under the same key", async () => {
    const data = new Map<string, string>();
    const fake = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    } as unknown as Storage;
    const store = createSessionStore(sessionStorageBackend(fake));
    store.set(session(4));
    await store.flush();
    expect(JSON.parse(data.get(SESSION_KEY) ?? "null")).toEqual(session(4));
    expect(await createSessionStore(sessionStorageBackend(fake)).load()).toEqual(session(4));
  });
});
