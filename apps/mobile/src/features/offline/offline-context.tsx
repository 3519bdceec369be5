// The offline write queue for the running app: queue-or-send, replay when the connection returns.
import NetInfo from "@react-native-community/netinfo";
import { useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { api, tokenStore } from "../../lib/api";
import { newKey } from "../../lib/ids";
import { isOnline, onlineFrom } from "./connectivity";
import { performOrQueue, type WriteOutcome } from "./perform";
import { type QueueEntry, type QueuedWrite, type ReplayResult, sendWith, WriteQueue } from "./queue";
import { asyncQueueStorage } from "./storage";

export const writeQueue = new WriteQueue(asyncQueueStorage, newKey);
const send = sendWith(api);

interface OfflineValue {
  pending: QueueEntry[];
  perform<T>(write: QueuedWrite): Promise<WriteOutcome<T>>;
  replay(): Promise<ReplayResult>;
  lastRejected: string | null;
}

const OfflineContext = createContext<OfflineValue | null>(null);

export function OfflineProvider({ children, queue = writeQueue }: { children: ReactNode; queue?: WriteQueue }) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<QueueEntry[]>(queue.entries());
  const [lastRejected, setLastRejected] = useState<string | null>(null);

  const replay = useCallback(async () => {
    const result = await queue.replay(send);
    if (result.sent > 0 || result.rejected.length > 0) await queryClient.invalidateQueries();
    if (result.rejected.length > 0) {
      const first = result.rejected[0];
      setLastRejected(`A change made offline was refused: ${first.error.detail ?? first.error.code}`);
    }
    return result;
  }, [queue, queryClient]);

  useEffect(() => {
    const off = queue.subscribe((entries) => setPending([...entries]));
    void queue.load().then(() => replay());
    return off;
  }, [queue, replay]);

  useEffect(
    () =>
      tokenStore.subscribe((session) => {
        if (!session) void queue.clear();
      }),
    [queue],
  );

  useEffect(
    () =>
      NetInfo.addEventListener((state) => {
        if (onlineFrom(state) && queue.entries().length > 0) void replay();
      }),
    [queue, replay],
  );

  const value = useMemo<OfflineValue>(
    () => ({
      pending,
      lastRejected,
      replay,
      perform: (write) => performOrQueue(write, { queue, send, isOnline, newKey }),
    }),
    [pending, lastRejected, replay, queue],
  );
  return <OfflineContext.Provider value={value}>{children}</OfflineContext.Provider>;
}

export function useOffline(): OfflineValue {
  const value = useContext(OfflineContext);
  if (!value) throw new Error("useOffline outside OfflineProvider");
  return value;
}
