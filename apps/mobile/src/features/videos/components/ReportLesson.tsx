// "Report lesson" under a published lesson: an inline panel with an optional reason, sent to the moderators.
// A student reports a lesson once; afterwards the control is gone and a thank-you notice stays.
import { ReportInput } from "@lm/core";
import { useState } from "react";
import { AccessibilityInfo, StyleSheet, Text, View } from "react-native";
import { Button } from "../../../components/ui/Button";
import { ErrorText, Muted, Notice } from "../../../components/ui/Screen";
import { TextField } from "../../../components/ui/TextField";
import { colors, radius, space } from "../../../components/ui/theme";
import { errorMessage } from "../../../lib/query-client";
import { reportVideo } from "../api/report-video";

export const REPORT_THANKS = "Thanks — a moderator will review this lesson.";
const MAX_REASON = 500;

export function ReportLesson({ videoId }: { videoId: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const [reported, setReported] = useState(false);

  function close() {
    setOpen(false);
    setReason("");
    setError("");
  }

  async function send() {
    const parsed = ReportInput.safeParse({ reason: reason.trim() || undefined });
    if (!parsed.success) return setError(`Keep the reason under ${MAX_REASON} characters.`);
    setBusy(true);
    setError("");
    try {
      await reportVideo(videoId, parsed.data.reason);
      setReported(true);
      setOpen(false);
      AccessibilityInfo.announceForAccessibility(REPORT_THANKS);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View style={styles.wrap}>
      {/* Always mounted, so screen readers on the web hear the thank-you when it appears. */}
      <View accessibilityLiveRegion="polite">{reported ? <Notice tone="success">{REPORT_THANKS}</Notice> : null}</View>
      {reported ? null : open ? (
        <View style={styles.panel}>
          <Text accessibilityRole="header" style={styles.heading}>
            Report this lesson
          </Text>
          <Muted>
            Moderators review every report. Tell them what is wrong: a factual mistake, something harmful, spam.
          </Muted>
          <TextField
            label="Reason (optional)"
            value={reason}
            onChangeText={setReason}
            maxLength={MAX_REASON}
            multiline
            autoFocus
          />
          <Muted>Up to {MAX_REASON} characters.</Muted>
          <ErrorText>{error}</ErrorText>
          <View style={styles.actions}>
            <Button label="Cancel" variant="secondary" onPress={close} disabled={busy} />
            <Button label="Send report" variant="danger" onPress={() => void send()} busy={busy} />
          </View>
        </View>
      ) : (
        <Button label="Report lesson" variant="secondary" onPress={() => setOpen(true)} style={styles.open} />
      )}
    </View>
  );
}

const styles = StyleSheet.create({
  wrap: { marginBottom: space.lg },
  open: { alignSelf: "flex-start" },
  panel: {
    borderWidth: 1,
    borderColor: colors.border,
    borderRadius: radius,
    backgroundColor: colors.card,
    padding: space.md,
  },
  heading: { fontSize: 18, fontWeight: "700", color: colors.text, marginBottom: space.sm },
  actions: { flexDirection: "row", justifyContent: "flex-end", gap: space.sm },
});
