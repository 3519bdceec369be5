// The lesson's key points. Tapping one opens it: on a lesson made from notes, the sentence of the
// notes it came from ("From your notes: …"), so a student can check it; for a signed-in student,
// "Report inaccuracy" (to the moderators); for the lesson's creator, "Rewrite from my notes" and,
// when the server has an AI model, "Regenerate with AI".
// Tapping again closes it. Without a source or an action, a point is plain text.
import type { Video } from "@lm/core";
import { useState } from "react";
import { Pressable, StyleSheet, Text, View } from "react-native";
import { Button } from "../../components/ui/Button";
import { ErrorText, Notice } from "../../components/ui/Screen";
import { colors, space } from "../../components/ui/theme";
import { errorMessage } from "../../lib/query-client";
import { useHasModel } from "../videos/api/get-capabilities";
import { useRegenerateKeyPoint, useReportKeyPoint } from "../videos/api/key-point-actions";

type Lesson = Pick<Video, "keyPoints" | "keyPointSources"> & { id?: string };

/** What the viewer may do with a key point: nothing (signed out), report it, or rewrite it. */
export type KeyPointRole = "none" | "student" | "creator";

export function KeyPoints({ video: v, viewer = "none" }: { video: Lesson; viewer?: KeyPointRole }) {
  const [shown, setShown] = useState<number | null>(null);
  const acts = viewer !== "none" && !!v.id;
  return (
    <View>
      {v.keyPoints.map((k, i) => {
        const source = v.keyPointSources?.[i];
        const label = `${i + 1}. ${k}`;
        if (!source && !acts) {
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: key points may repeat; their order never changes
            <Text key={i} style={styles.body}>
              {label}
            </Text>
          );
        }
        const open = shown === i;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: key points may repeat; their order never changes
          <View key={i}>
            <Pressable
              onPress={() => setShown(open ? null : i)}
              accessibilityRole="button"
              accessibilityState={{ expanded: open }}
              accessibilityHint={source ? "Shows where this comes from in your notes" : "Shows what you can do with it"}
            >
              <Text style={styles.body}>{label}</Text>
            </Pressable>
            {open && source ? (
              <Text style={styles.source}>
                <Text style={styles.sourceLead}>From your notes: </Text>“{source.text}”
              </Text>
            ) : null}
            {open && acts && v.id ? <KeyPointAction videoId={v.id} index={i} viewer={viewer} /> : null}
          </View>
        );
      })}
    </View>
  );
}

function KeyPointAction({ videoId, index, viewer }: { videoId: string; index: number; viewer: KeyPointRole }) {
  const report = useReportKeyPoint(videoId);
  const rewrite = useRegenerateKeyPoint(videoId);
  const hasModel = useHasModel();
  const n = index + 1;
  if (viewer === "creator") {
    const byAi = rewrite.variables?.using === "ai";
    return (
      <View style={styles.actions} accessibilityLiveRegion="polite">
        {rewrite.isSuccess ? (
          <Notice tone="success">
            {byAi ? `Key point ${n} reworded by the AI.` : `Key point ${n} rewritten from your notes.`}
          </Notice>
        ) : null}
        <Button
          label="Rewrite from my notes"
          accessibilityLabel={`Rewrite key point ${n} from the notes`}
          variant="ghost"
          busy={rewrite.isPending && !byAi}
          disabled={rewrite.isPending}
          onPress={() => rewrite.mutate({ index })}
        />
        {hasModel ? (
          <Button
            label="Regenerate with AI"
            accessibilityLabel={`Regenerate key point ${n} with the AI`}
            variant="ghost"
            busy={rewrite.isPending && byAi}
            disabled={rewrite.isPending}
            onPress={() => rewrite.mutate({ index, using: "ai" })}
          />
        ) : null}
        {rewrite.isError ? <ErrorText>{errorMessage(rewrite.error)}</ErrorText> : null}
      </View>
    );
  }
  return (
    <View style={styles.actions} accessibilityLiveRegion="polite">
      {report.isSuccess ? (
        <Notice tone="success">Thanks — a moderator will review this key point.</Notice>
      ) : (
        <Button
          label="Report inaccuracy"
          accessibilityLabel={`Report inaccuracy in key point ${n}`}
          variant="ghost"
          busy={report.isPending}
          onPress={() => report.mutate(index)}
        />
      )}
      {report.isError ? <ErrorText>{errorMessage(report.error)}</ErrorText> : null}
    </View>
  );
}

const styles = StyleSheet.create({
  body: { fontSize: 15, color: colors.text, marginBottom: space.sm, lineHeight: 22 },
  source: {
    fontSize: 14,
    color: colors.text,
    marginBottom: space.sm,
    paddingLeft: space.sm,
    borderLeftWidth: 3,
    borderLeftColor: colors.border,
  },
  sourceLead: { fontWeight: "700" },
  actions: { marginBottom: space.sm, alignItems: "flex-start" },
});
