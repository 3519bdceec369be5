// Comments under a lesson: newest first, more on demand, live via `video:<id>`, writable offline.
import { type Comment, CommentText } from "@lm/core";
import { useState } from "react";
import { StyleSheet, Text, View } from "react-native";
import { Button } from "../../components/ui/Button";
import { ErrorText, Muted } from "../../components/ui/Screen";
import { TextField } from "../../components/ui/TextField";
import { colors, space } from "../../components/ui/theme";
import { errorMessage } from "../../lib/query-client";
import { useAuth } from "../auth/auth-context";
import { useOffline } from "../offline/offline-context";
import { useCreateComment } from "./api/create-comment";
import { useComments } from "./api/get-comments";

function CommentItem({ comment }: { comment: Comment }) {
  return (
    <View style={styles.item} accessibilityLabel={`Comment by ${comment.user.displayName}: ${comment.text}`}>
      <Text style={styles.author}>
        <Text style={{ color: comment.user.avatarColor }}>● </Text>
        {comment.user.displayName}
      </Text>
      <Text style={styles.text}>{comment.text}</Text>
      {comment.isHidden ? (
        <Text style={styles.hidden}>Only you can see this: {comment.moderationReason ?? "held for review"}</Text>
      ) : null}
    </View>
  );
}

export function Comments({ videoId }: { videoId: string }) {
  const { user } = useAuth();
  const { pending } = useOffline();
  const createComment = useCreateComment(videoId);
  const [text, setText] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const comments = useComments(videoId);
  const items = comments.data?.pages.flatMap((p) => p.items) ?? [];
  const waiting = pending.filter((e) => e.write.kind === "createComment" && e.write.videoId === videoId);

  async function send() {
    const parsed = CommentText.safeParse(text);
    if (!parsed.success) return setError("Write something first (up to 2000 characters).");
    setBusy(true);
    setError("");
    try {
      await createComment.mutateAsync(parsed.data);
      setText("");
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View>
      <Text accessibilityRole="header" style={styles.heading}>
        Comments
      </Text>
      {user ? (
        <>
          <TextField label="Add a comment" value={text} onChangeText={setText} multiline maxLength={2000} />
          <ErrorText>{error}</ErrorText>
          <Button label="Post comment" onPress={send} busy={busy} disabled={text.trim() === ""} />
        </>
      ) : (
        <Muted>Log in to comment.</Muted>
      )}
      {waiting.map((e) => (
        <View key={e.key} style={styles.item}>
          <Text style={styles.text}>{e.write.kind === "createComment" ? e.write.text : ""}</Text>
          <Text style={styles.hidden}>Waiting to send…</Text>
        </View>
      ))}
      {comments.error ? <ErrorText>{errorMessage(comments.error)}</ErrorText> : null}
      {!comments.isPending && items.length === 0 && waiting.length === 0 ? <Muted>No comments yet.</Muted> : null}
      {items.map((c) => (
        <CommentItem key={c.id} comment={c} />
      ))}
      {comments.hasNextPage ? (
        <Button
          label="Show older comments"
          variant="ghost"
          busy={comments.isFetchingNextPage}
          onPress={() => void comments.fetchNextPage()}
        />
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  heading: { fontSize: 20, fontWeight: "700", color: colors.text, marginVertical: space.sm },
  item: { paddingVertical: space.sm, borderBottomWidth: 1, borderBottomColor: colors.border },
  author: { fontWeight: "600", color: colors.text, marginBottom: 2 },
  text: { color: colors.text, fontSize: 15 },
  hidden: { color: colors.warning, fontSize: 12, marginTop: 2 },
});
