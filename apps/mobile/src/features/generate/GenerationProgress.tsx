// Live status of a lesson being written: pushed on `video:<id>`, polled when the socket is down.
import type { VideoStatus } from "@lm/core";
import { useRouter } from "expo-router";
import { useState } from "react";
import { ActivityIndicator, StyleSheet, Text, View } from "react-native";
import { Button } from "../../components/ui/Button";
import { ErrorText, Notice } from "../../components/ui/Screen";
import { colors, space } from "../../components/ui/theme";
import { errorMessage } from "../../lib/query-client";
import { useVideo } from "../videos/api/get-video";
import { useRetryVideo } from "../videos/api/retry-video";
import { STATUS_TEXT } from "../videos/format";

const STEPS: VideoStatus[] = ["PENDING", "GENERATING", "PUBLIC"];

export function GenerationProgress({ videoId }: { videoId: string }) {
  const video = useVideo(videoId);
  const router = useRouter();
  const retryVideo = useRetryVideo(videoId);
  const [retryError, setRetryError] = useState("");
  const status = video.data?.status ?? "PENDING";
  const ready = status === "PUBLIC" || status === "PRIVATE";
  const step = ready ? 2 : STEPS.indexOf(status);

  async function retry() {
    try {
      await retryVideo.mutateAsync();
    } catch (error) {
      setRetryError(errorMessage(error));
    }
  }

  return (
    <View style={styles.box} accessibilityLiveRegion="polite" testID="generation-progress">
      <Text style={styles.title}>{video.data?.title ?? video.data?.topic ?? "Your lesson"}</Text>
      <View style={styles.steps}>
        {["Queued", "Writing", "Ready"].map((label, i) => (
          <View key={label} style={[styles.step, i <= step && step >= 0 && styles.stepDone]}>
            <Text style={[styles.stepText, i <= step && step >= 0 && styles.stepTextDone]}>{label}</Text>
          </View>
        ))}
      </View>
      <Text accessibilityRole="text" accessibilityLabel={`Status: ${STATUS_TEXT[status]}`} style={styles.status}>
        {STATUS_TEXT[status]}
      </Text>
      {!ready && step >= 0 ? <ActivityIndicator color={colors.primary} /> : null}
      {status === "FAILED" ? (
        <>
          <ErrorText>{video.data?.failureReason ?? "The lesson could not be written."}</ErrorText>
          <Button label="Try again" onPress={retry} />
          <ErrorText>{retryError}</ErrorText>
        </>
      ) : null}
      {status === "REJECTED" ? (
        <Notice tone="warning">{video.data?.failureReason ?? "This topic was refused."}</Notice>
      ) : null}
      {ready ? (
        <Button
          label="Watch lesson"
          onPress={() => router.push({ pathname: "/video/[id]", params: { id: videoId } })}
          testID="watch-lesson"
        />
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  box: { marginTop: space.lg, padding: space.lg, backgroundColor: colors.card, borderRadius: 12, gap: space.sm },
  title: { fontSize: 18, fontWeight: "600", color: colors.text },
  steps: { flexDirection: "row", gap: space.sm },
  step: { flex: 1, paddingVertical: 6, borderRadius: 6, backgroundColor: colors.border, alignItems: "center" },
  stepDone: { backgroundColor: colors.primary },
  stepText: { color: colors.muted, fontSize: 13 },
  stepTextDone: { color: colors.primaryText },
  status: { fontSize: 15, color: colors.text },
});
