// Unit: the offline write queue (order, same Idempotency-Key on replay, retry rules) and queue-or-send.
import { ApiClient, ApiError } from "@lm/core";
import { performOrQueue } from "./perform";
import { memoryQueueStorage, sendWith, WriteQueue, type QueuedWrite } from "./queue";

function keys() {
  let n = 0;
  return () => `key-${++n}`;
}

const event = (title: string): QueuedWrite => ({
  kind: "createEvent",
  input: { title, type: "EXAM", startDate: "2026-12-01T09:00:00.000Z" },
});

describe("offline write queue", () => {
  test("replays writes oldest first, each with the key it was queued under", async () => {
    const queue = new WriteQueue(memoryQueueStorage(), keys());
    await queue.enqueue(event("first"));
    await queue.enqueue({ kind: "rate", videoId: "v1", stars: 4 });
    const sent: Array<[string, string]> = [];
    const result = await queue.replay(async (write, key) => {
      sent.push([write.kind, key]);
    });
    expect(sent).toEqual([
      ["createEvent", "key-1"],
      ["rate", "key-2"],
    ]);
    expect(result).toEqual({ sent: 2, rejected: [], remaining: 0 });
    expect(queue.entries()).toEqual([]);
  });

  test("a failed send keeps the write (and everything after it) and retries later with the same key", async () => {
    const storage = memoryQueueStorage();
    const queue = new WriteQueue(storage, keys());
    await queue.enqueue(event("a"));
    await queue.enqueue(event("b"));
    const attempts: string[] = [];
    let online = false;
    const send = async (_: QueuedWrite, key: string) => {
      attempts.push(key);
      if (!online) throw new TypeError("Network request failed");
    };
    expect(await queue.replay(send)).toMatchObject({ sent: 0, remaining: 2 });
    expect(attempts).toEqual(["key-1"]);
    expect(storage.saved[0]).toMatchObject({ key: "key-1", attempts: 1 });

    online = true;
    expect(await queue.replay(send)).toMatchObject({ sent: 2, remaining: 0 });
    expect(attempts).toEqual(["key-1", "key-1", "key-2"]);
    expect(storage.saved).toEqual([]);
  });

  test("server errors and an in-flight key are retried; a refused write is dropped and reported", async () => {
    const queue = new WriteQueue(memoryQueueStorage(), keys());
    await queue.enqueue(event("bad"));
    await queue.enqueue(event("good"));
    const outcomes = [
      new ApiError(503, "service_unavailable", undefined),
      new ApiError(409, "idempotency_key_in_flight", undefined),
    ];
    const send = async (write: QueuedWrite) => {
      const next = outcomes.shift();
      if (next) throw next;
      if (write.kind === "createEvent" && write.input.title === "bad") throw new ApiError(400, "validation_error", "x");
    };
    expect((await queue.replay(send)).remaining).toBe(2);
    expect((await queue.replay(send)).remaining).toBe(2);
    const result = await queue.replay(send);
    expect(result.sent).toBe(1);
    expect(result.rejected.map((r) => r.error.code)).toEqual(["validation_error"]);
    expect(result.remaining).toBe(0);
  });

  test("the queue survives a restart: a new queue loads what the old one saved", async () => {
    const storage = memoryQueueStorage();
    await new WriteQueue(storage, keys()).enqueue({ kind: "createComment", videoId: "v", text: "hi" });
    const reopened = new WriteQueue(storage, keys());
    const seen: string[] = [];
    await reopened.replay(async (_, key) => {
      seen.push(key);
    });
    expect(seen).toEqual(["key-1"]);
  });

  test("clearing (sign-out) forgets every queued write, also on the device", async () => {
    const storage = memoryQueueStorage();
    const queue = new WriteQueue(storage, keys());
    await queue.enqueue(event("private"));
    await queue.clear();
    expect(queue.entries()).toEqual([]);
    expect(storage.saved).toEqual([]);
  });

  test("concurrent replays send each write once", async () => {
    const queue = new WriteQueue(memoryQueueStorage(), keys());
    await queue.enqueue(event("once"));
    const send = jest.fn(async () => {});
    await Promise.all([queue.replay(send), queue.replay(send)]);
    expect(send).toHaveBeenCalledTimes(1);
  });

  test("sendWith puts the Idempotency-Key header on the request", async () => {
    const fetchFn = jest.fn(
      async (_url: string, _init?: RequestInit) => new Response(JSON.stringify({ id: "e1" }), { status: 201 }),
    );
    const api = new ApiClient({ baseUrl: "http://api.test/api/v1", fetch: fetchFn as unknown as typeof fetch });
    await sendWith(api)(event("x"), "abc-123");
    const [url, init] = fetchFn.mock.calls[0];
    expect(url).toBe("http://api.test/api/v1/planner/events");
    expect((init!.headers as Record<string, string>)["idempotency-key"]).toBe("abc-123");
  });

  test("a queued planner edit replays as PATCH on its event, through the declared endpoint, with its key", async () => {
    const fetchFn = jest.fn(
      async (_url: string, _init?: RequestInit) => new Response(JSON.stringify({ id: "e 1" }), { status: 200 }),
    );
    const api = new ApiClient({ baseUrl: "http://api.test/api/v1", fetch: fetchFn as unknown as typeof fetch });
    await sendWith(api)({ kind: "updateEvent", id: "e 1", input: { title: "moved" } }, "abc-456");
    const [url, init] = fetchFn.mock.calls[0];
    expect(url).toBe("http://api.test/api/v1/planner/events/e%201");
    expect(init!.method).toBe("PATCH");
    expect(JSON.parse(init!.body as string)).toEqual({ title: "moved" });
    expect((init!.headers as Record<string, string>)["idempotency-key"]).toBe("abc-456");
  });
});

describe("performOrQueue", () => {
  const setup = (online: boolean, send: (w: QueuedWrite, k: string) => Promise<unknown>) => {
    const queue = new WriteQueue(memoryQueueStorage(), keys());
    return { queue, deps: { queue, send, isOnline: async () => online, newKey: () => "k-now" } };
  };

  test("offline: queued without trying", async () => {
    const send = jest.fn(async () => ({}));
    const { queue, deps } = setup(false, send);
    const out = await performOrQueue(event("x"), deps);
    expect(out.queued).toBe(true);
    expect(send).not.toHaveBeenCalled();
    expect(queue.entries()[0].key).toBe("k-now");
  });

  test("online: sent at once", async () => {
    const { queue, deps } = setup(true, async () => ({ id: "e1" }));
    expect(await performOrQueue(event("x"), deps)).toEqual({ queued: false, result: { id: "e1" } });
    expect(queue.entries()).toEqual([]);
  });

  test("a request lost on the way is queued under the key it was sent with", async () => {
    const { queue, deps } = setup(true, async () => {
      throw new TypeError("Network request failed");
    });
    expect((await performOrQueue(event("x"), deps)).queued).toBe(true);
    expect(queue.entries()[0].key).toBe("k-now");
  });

  test("a refusal from the server is thrown to the form, not queued", async () => {
    const { queue, deps } = setup(true, async () => {
      throw new ApiError(403, "email_not_verified", "Verify first");
    });
    await expect(performOrQueue(event("x"), deps)).rejects.toMatchObject({ code: "email_not_verified" });
    expect(queue.entries()).toEqual([]);
  });
});
