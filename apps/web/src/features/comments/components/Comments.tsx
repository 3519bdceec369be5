// Comments under a lesson, newest first, kept live over the WebSocket: new ones appear, deleted
// or hidden ones vanish, without a reload.
import { type Comment, CommentText } from "@lm/core";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { Button } from "../../../components/ui/Button";
import { TextArea } from "../../../components/ui/Field";
import { Icon } from "../../../components/ui/Icon";
import { Avatar, Badge, Skeleton } from "../../../components/ui/Misc";
import { errorMessage } from "../../../lib/errors";
import { timeAgo } from "../../../lib/format";
import { serverFieldErrors } from "../../../lib/forms";
import { useChannel } from "../../../lib/realtime";
import { selectIsModerator, useAuth } from "../../../stores/auth";
import { toast } from "../../../stores/toast";
import { useCreateComment } from "../api/create-comment";
import { useDeleteComment } from "../api/delete-comment";
import { type CommentPages, removeComment, upsertComment, useComments } from "../api/get-comments";
import { commentKeys } from "../api/keys";
import { useReportComment } from "../api/report-comment";

/** Why only its author sees this comment, and what happens next (held: a person decides). */
function ModerationNote({ comment }: { comment: Comment }) {
  const held = comment.moderationStatus === "FLAGGED";
  return (
    <p className="mt-1 text-xs text-warn">
      <strong>{held ? "Held for review: " : "Not published: "}</strong>
      {held ? "a moderator looks at it before anyone else can see it. " : ""}
      {comment.moderationReason ?? (held ? "" : "It breaks the community rules.")}
    </p>
  );
}

function CommentItem({ comment, canDelete, videoId }: { comment: Comment; canDelete: boolean; videoId: string }) {
  const me = useAuth((s) => s.user);
  const del = useDeleteComment(videoId);
  const report = useReportComment();
  const mine = me?.id === comment.user.id;
  return (
    <li className="flex gap-3 py-4">
      <Avatar name={comment.user.displayName} color={comment.user.avatarColor} size="sm" />
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <span className="font-semibold text-fg">{comment.user.displayName}</span>
          <time dateTime={comment.createdAt} className="text-muted">
            {timeAgo(comment.createdAt)}
          </time>
          {comment.isHidden && <Badge tone="warn">Only you can see this</Badge>}
        </p>
        <p className="mt-1 text-sm break-words whitespace-pre-line text-fg">{comment.text}</p>
        {comment.isHidden && <ModerationNote comment={comment} />}
        <div className="mt-1 flex gap-3">
          {me && !mine && (
            <button
              type="button"
              className="flex items-center gap-1 text-xs text-muted hover:text-fg"
              disabled={report.isPending || report.isSuccess}
              onClick={() =>
                report.mutate(
                  { id: comment.id },
                  {
                    onSuccess: () => toast.success("Thanks. A moderator will take a look."),
                    onError: (e) => toast.error(errorMessage(e)),
                  },
                )
              }
            >
              <Icon name="flag" className="size-3.5" /> {report.isSuccess ? "Reported" : "Report"}
              <span className="sr-only"> comment by {comment.user.displayName}</span>
            </button>
          )}
          {(mine || canDelete) && (
            <button
              type="button"
              className="flex items-center gap-1 text-xs text-muted hover:text-danger"
              disabled={del.isPending}
              onClick={() => {
                if (window.confirm("Delete this comment?"))
                  del.mutate(comment.id, { onError: (e) => toast.error(errorMessage(e)) });
              }}
            >
              <Icon name="trash" className="size-3.5" /> Delete
              <span className="sr-only"> comment by {comment.user.displayName}</span>
            </button>
          )}
        </div>
      </div>
    </li>
  );
}

function CommentForm({ videoId }: { videoId: string }) {
  const create = useCreateComment(videoId);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | undefined>();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const parsed = CommentText.safeParse(text);
    if (!parsed.success) {
      setError(text.trim() ? "Keep it under 2,000 characters." : "Write something first.");
      return;
    }
    setError(undefined);
    try {
      const comment = await create.mutateAsync(parsed.data);
      setText("");
      if (comment.isHidden) toast.info("Your comment is hidden: it didn't pass moderation. Only you can see it.");
    } catch (err) {
      const fields = serverFieldErrors(err);
      setError(fields.text ?? errorMessage(err));
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2">
      <TextArea
        label="Add a comment"
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={2000}
        rows={3}
        error={error}
        className="min-h-20"
      />
      <div className="flex justify-end">
        <Button type="submit" loading={create.isPending} disabled={!text.trim()}>
          Post comment
        </Button>
      </div>
    </form>
  );
}

export function Comments({ videoId, videoCreatorId }: { videoId: string; videoCreatorId: string }) {
  const qc = useQueryClient();
  const comments = useComments(videoId);
  const signedIn = useAuth((s) => s.session !== null);
  const me = useAuth((s) => s.user);
  const isModerator = useAuth(selectIsModerator);
  const key = commentKeys.list(videoId);

  useChannel(`video:${videoId}`, (e) => {
    if (e.event === "comment.created" || e.event === "comment.updated") {
      const c = e.data;
      if (!("user" in c)) {
        // Hidden, it arrives as { id, videoId, isHidden: true }: it leaves everyone's list (its
        // author keeps it, marked hidden).
        if (c.isHidden) {
          qc.setQueryData<CommentPages>(key, (d) => {
            const mine = d?.pages.some((p) => p.items.some((x) => x.id === c.id && x.user.id === me?.id));
            if (!mine) return removeComment(d, c.id);
            return (
              d && {
                ...d,
                pages: d.pages.map((p) => ({
                  ...p,
                  items: p.items.map((x) => (x.id === c.id ? { ...x, isHidden: true } : x)),
                })),
              }
            );
          });
          return;
        }
        // Its ids only (the server could not read it back): ask for the list again.
        void qc.invalidateQueries({ queryKey: key });
        return;
      }
      const visible = !c.isHidden || c.user.id === me?.id;
      if (visible) qc.setQueryData<CommentPages>(key, (d) => upsertComment(d, c));
      else qc.setQueryData<CommentPages>(key, (d) => removeComment(d, c.id));
    } else if (e.event === "comment.deleted") {
      const { id } = e.data;
      qc.setQueryData<CommentPages>(key, (d) => removeComment(d, id));
    }
  });

  const items = comments.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="comments-title" className="flex flex-col gap-4">
      <h2 id="comments-title" className="text-xl font-bold text-fg">
        Comments
      </h2>
      {signedIn ? (
        <CommentForm videoId={videoId} />
      ) : (
        <p className="text-sm text-muted">
          <Link to={`/login?next=/videos/${videoId}`} className="font-medium text-brand hover:underline">
            Log in
          </Link>{" "}
          to join the discussion.
        </p>
      )}
      {comments.isPending ? (
        <div className="flex flex-col gap-3">
          <Skeleton className="h-14" />
          <Skeleton className="h-14" />
        </div>
      ) : comments.isError ? (
        <p role="alert" className="text-sm text-danger">
          Comments didn't load. {errorMessage(comments.error)}
        </p>
      ) : items.length === 0 ? (
        <p className="text-sm text-muted">No comments yet. Ask a question or share a tip!</p>
      ) : (
        <ul className="divide-y divide-line" aria-label="Comments" aria-live="polite">
          {items.map((c) => (
            <CommentItem
              key={c.id}
              comment={c}
              videoId={videoId}
              canDelete={isModerator || me?.id === videoCreatorId}
            />
          ))}
        </ul>
      )}
      {comments.hasNextPage && (
        <Button variant="secondary" loading={comments.isFetchingNextPage} onClick={() => void comments.fetchNextPage()}>
          Show older comments
        </Button>
      )}
    </section>
  );
}
