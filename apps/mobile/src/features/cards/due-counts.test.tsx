// The Review tab's count as cards come due with time (no event says so): the counts name the moment
// the next card is due, the badge's query asks again just after it, and its timer ends with the badge.
import { act, renderHook } from "@testing-library/react-native";
import { QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { fakeApi } from "../../../test/fake-api";
import { makeQueryClient } from "../../lib/query-client";
import { useDueCards } from "./api/get-due-cards";
import { useDueCounts } from "./api/get-due-counts";

const start = Date.parse("2030-01-01T09:00:00Z");
beforeEach(() => jest.useFakeTimers({ now: start }));
afterEach(() => jest.useRealTimers());

/** One card due 30 s from now, then nothing ahead. */
function deck() {
  return fakeApi({
    "GET /cards/due": () => ({
      counts:
        Date.now() < start + 30_000
          ? { due: 0, overdue: 0, new: 0, total: 1, nextDueAt: new Date(start + 30_000).toISOString() }
          : { due: 1, overdue: 0, new: 0, total: 1, nextDueAt: null },
      items: [],
    }),
  });
}

function mount<T>(hook: () => T = () => useDueCounts(true) as T) {
  const client = makeQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  return { client, ...renderHook(hook, { wrapper }) };
}

const advance = (ms: number) => act(() => jest.advanceTimersByTimeAsync(ms));

test("the count is asked for again just after the next card is due, then at the slow poll", async () => {
  const api = deck();
  const { result, client } = mount(() => useDueCounts(true));
  await advance(100);
  expect(result.current.data?.due).toBe(0);
  expect(api.callsTo("GET", "/cards/due")).toHaveLength(1);

  await advance(29_000);
  expect(api.callsTo("GET", "/cards/due")).toHaveLength(1);
  await advance(2_000);
  expect(api.callsTo("GET", "/cards/due")).toHaveLength(2);
  expect(result.current.data?.due).toBe(1);

  // Nothing ahead: five minutes, not sooner.
  await advance(4 * 60_000);
  expect(api.callsTo("GET", "/cards/due")).toHaveLength(2);
  await advance(60_000);
  expect(api.callsTo("GET", "/cards/due")).toHaveLength(3);
  client.clear();
});

test("unmounting the badge stops its timer", async () => {
  const api = deck();
  const { unmount, client } = mount();
  await advance(100);
  unmount();
  await advance(10 * 60_000);
  expect(api.callsTo("GET", "/cards/due")).toHaveLength(1);
  client.clear();
});

test("an open review session takes in the card that comes due, and asks at least every minute", async () => {
  const api = deck();
  const { result, client } = mount(() => useDueCards());
  await advance(100);
  expect(result.current.data?.counts.due).toBe(0);
  await advance(31_000);
  expect(api.callsTo("GET", "/cards/due")).toHaveLength(2);
  expect(result.current.data?.counts.due).toBe(1);
  // Nothing ahead: the session still checks every minute (another device's change).
  await advance(60_000);
  expect(api.callsTo("GET", "/cards/due")).toHaveLength(3);
  client.clear();
});
