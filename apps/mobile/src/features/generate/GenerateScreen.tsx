// Generate tab: topic, subject, difficulty and the student's own notes → a new lesson, with live progress.
import { DIFFICULTIES, type Difficulty, type Subject, SUBJECTS, type Video, VideoCreateInput } from "@lm/core";
import { useEffect, useState } from "react";
import { StyleSheet, Switch, Text, View } from "react-native";
import { Button } from "../../components/ui/Button";
import { ChoiceRow } from "../../components/ui/Chip";
import { ErrorText, Muted, Notice, Screen, Title } from "../../components/ui/Screen";
import { TextField } from "../../components/ui/TextField";
import { colors, space } from "../../components/ui/theme";
import { RequireAuth } from "../auth/RequireAuth";
import { useAuth } from "../auth/auth-context";
import { apiErrors, type Errors, zodErrors } from "../auth/form-errors";
import { useOffline } from "../offline/offline-context";
import { resendVerification } from "../auth/api/resend-verification";
import { getCapabilities } from "../videos/api/get-capabilities";
import { difficultyLabel, subjectLabel } from "../videos/format";
import { GenerationProgress } from "./GenerationProgress";

const NOTES_REQUIRED =
  "This server builds lessons from your notes: paste a few paragraphs from your class notes or a textbook.";

/** True when GET /capabilities says a topic alone is not enough; unknown (offline, failed) → the server decides. */
function useNeedsNotes(): boolean {
  const [needs, setNeeds] = useState(false);
  useEffect(() => {
    let live = true;
    getCapabilities().then(
      (c) => live && setNeeds(!c.text.topicOnly),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return needs;
}

function GenerateForm() {
  const { user } = useAuth();
  const { perform } = useOffline();
  const needsNotes = useNeedsNotes();
  const [topic, setTopic] = useState("");
  // No default: a preselected subject files the lesson under whatever came first.
  const [subject, setSubject] = useState<Subject | null>(null);
  const [difficulty, setDifficulty] = useState<Difficulty | null>("BEGINNER");
  const [notes, setNotes] = useState("");
  const [isPrivate, setPrivate] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState("");
  const [busy, setBusy] = useState(false);
  const [videoId, setVideoId] = useState<string | null>(null);
  const [queued, setQueued] = useState(false);
  const [resent, setResent] = useState(false);

  async function submit() {
    const parsed = VideoCreateInput.safeParse({
      topic,
      subject: subject ?? undefined,
      difficulty: difficulty ?? undefined,
      sourceText: notes.trim() || undefined,
      visibility: isPrivate ? "PRIVATE" : "PUBLIC",
    });
    const own: Errors = {};
    if (!subject) own.subject = "Choose a subject.";
    if (needsNotes && !notes.trim()) own.sourceText = NOTES_REQUIRED;
    if (!parsed.success || Object.keys(own).length > 0)
      return setErrors({ ...(parsed.success ? {} : zodErrors(parsed.error)), ...own });
    setErrors({});
    setFormError("");
    setBusy(true);
    try {
      const outcome = await perform<Video>({ kind: "createVideo", input: parsed.data });
      setQueued(outcome.queued);
      setVideoId(outcome.queued ? null : outcome.result.id);
    } catch (error) {
      const { fields, form } = apiErrors(error);
      setErrors(fields);
      setFormError(form);
    } finally {
      setBusy(false);
    }
  }

  const unverified = user && !user.emailVerified;
  return (
    <Screen>
      <Title>Generate a lesson</Title>
      <Muted>Name a topic, or paste your own notes: the lesson is written from them.</Muted>
      {unverified ? (
        <Notice tone="warning">Verify your email before creating lessons. Check your inbox for the link.</Notice>
      ) : null}
      {unverified ? (
        <Button
          label={resent ? "Verification email sent" : "Resend verification email"}
          variant="secondary"
          disabled={resent}
          onPress={() =>
            void resendVerification().then(
              () => setResent(true),
              () => undefined,
            )
          }
        />
      ) : null}
      <TextField
        label="Topic"
        value={topic}
        onChangeText={setTopic}
        placeholder="e.g. Photosynthesis"
        error={errors.topic}
      />
      <ChoiceRow label="Subject" options={SUBJECTS} value={subject} onChange={setSubject} format={subjectLabel} />
      <ErrorText>{errors.subject}</ErrorText>
      <ChoiceRow
        label="Difficulty"
        options={DIFFICULTIES}
        value={difficulty}
        onChange={setDifficulty}
        format={difficultyLabel}
      />
      <TextField
        label={needsNotes ? "Your notes (required)" : "Your notes (optional)"}
        value={notes}
        onChangeText={setNotes}
        multiline
        placeholder="Paste lecture notes or a chapter summary"
        error={errors.sourceText}
      />
      <View style={styles.switchRow}>
        <Text style={styles.switchLabel}>Keep this lesson private</Text>
        <Switch accessibilityLabel="Keep this lesson private" value={isPrivate} onValueChange={setPrivate} />
      </View>
      <ErrorText>{formError}</ErrorText>
      <Button label="Generate lesson" onPress={submit} busy={busy} />
      {queued ? (
        <Notice tone="warning">You are offline: the lesson will be requested when you reconnect.</Notice>
      ) : null}
      {videoId ? <GenerationProgress videoId={videoId} /> : null}
    </Screen>
  );
}

export function GenerateScreen() {
  return (
    <RequireAuth title="Generate a lesson">
      <GenerateForm />
    </RequireAuth>
  );
}

const styles = StyleSheet.create({
  switchRow: { flexDirection: "row", alignItems: "center", justifyContent: "space-between", marginBottom: space.md },
  switchLabel: { color: colors.text, fontSize: 15 },
});
