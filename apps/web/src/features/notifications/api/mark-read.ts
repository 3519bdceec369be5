import type { Notification, Page } from "@lm/core";
import { type InfiniteData, useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { notificationsKey, unreadCountKey } from "./get-notifications";

type Data = InfiniteData<Page<Notification>>;

function markLocally(data: Data | undefined, match: (n: Notification) => boolean): Data | undefined {
  if (!data) return data;
  const now = new Date().toISOString();
  return {
    ...data,
    pages: data.pages.map((p) => ({
      ...p,
      items: p.items.map((n) => (match(n) && !n.readAt ? { ...n, readAt: now } : n)),
    })),
  };
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.markRead(id),
    onSuccess: (_r, id) => {
      qc.setQueryData<Data>(notificationsKey, (d) => markLocally(d, (n) => n.id === id));
      void qc.invalidateQueries({ queryKey: unreadCountKey });
    },
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.markAllRead(),
    onSuccess: () => {
      qc.setQueryData<Data>(notificationsKey, (d) => markLocally(d, () => true));
      qc.setQueryData(unreadCountKey, { count: 0 });
    },
  });
}
