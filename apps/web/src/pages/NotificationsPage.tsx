import type { Notification } from "@lm/core";
import { Link } from "react-router";
import { Button } from "../components/ui/Button";
import { EmptyState, ErrorState, PageHeader, Skeleton } from "../components/ui/Misc";
import { useNotifications } from "../features/notifications/api/get-notifications";
import { useMarkAllRead, useMarkRead } from "../features/notifications/api/mark-read";
import { errorMessage } from "../lib/errors";
import { timeAgo } from "../lib/format";
import { useDocumentTitle } from "../lib/hooks";
import { toast } from "../stores/toast";

function linkFor(n: Notification): string | null {
  const { videoId, eventId } = n.data;
  if (typeof videoId === "string") return `/videos/${videoId}`;
  if (typeof eventId === "string") return "/planner";
  return null;
}

export default function NotificationsPage() {
  useDocumentTitle("Notifications");
  const list = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = items.filter((n) => !n.readAt).length;

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Notifications">
        <Button
          variant="secondary"
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate(undefined, { onError: (e) => toast.error(errorMessage(e)) })}
        >
          Mark all as read
        </Button>
      </PageHeader>
      {list.isPending ? (
        <div className="flex flex-col gap-2">
          <Skeleton className="h-16" />
          <Skeleton className="h-16" />
          <Skeleton className="h-16" />
        </div>
      ) : list.isError ? (
        <ErrorState message={errorMessage(list.error)} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon="bell" title="You're all caught up">
          Reminders from your planner, finished lessons and replies will show up here.
        </EmptyState>
      ) : (
        <ul className="flex flex-col gap-2" aria-label="Notifications">
          {items.map((n) => {
            const href = linkFor(n);
            return (
              <li
                key={n.id}
                className={`flex items-start gap-3 rounded-xl border px-4 py-3 ${n.readAt ? "border-line bg-surface" : "border-brand/50 bg-brand-soft/40"}`}
              >
                {!n.readAt && <span className="mt-2 size-2 shrink-0 rounded-full bg-brand" aria-hidden="true" />}
                <div className="min-w-0 flex-1">
                  <p className="font-semibold text-fg">
                    {href ? (
                      <Link to={href} className="hover:underline" onClick={() => !n.readAt && markRead.mutate(n.id)}>
                        {n.title}
                      </Link>
                    ) : (
                      n.title
                    )}
                    {!n.readAt && <span className="sr-only"> (unread)</span>}
                  </p>
                  <p className="text-sm text-fg">{n.body}</p>
                  <time dateTime={n.createdAt} className="text-xs text-muted">
                    {timeAgo(n.createdAt)}
                  </time>
                </div>
                {!n.readAt && (
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => markRead.mutate(n.id, { onError: (e) => toast.error(errorMessage(e)) })}
                  >
                    Mark read<span className="sr-only">: {n.title}</span>
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {list.hasNextPage && (
        <div className="mt-4 flex justify-center">
          <Button variant="secondary" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            Show older
          </Button>
        </div>
      )}
    </div>
  );
}
