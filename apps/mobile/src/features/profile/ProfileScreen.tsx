// Profile tab: study stats, settings (name, narration, playback speed, notifications), sync state, sign out.
import { SUBJECT_LABELS, type User, UserUpdateInput } from "@lm/core";
import { useState } from "react";
import { StyleSheet, Switch, Text, View } from "react-native";
import { Button } from "../../components/ui/Button";
import { Chip } from "../../components/ui/Chip";
import { ErrorText, Muted, Notice, Screen, Title } from "../../components/ui/Screen";
import { TextField } from "../../components/ui/TextField";
import { colors, radius, space } from "../../components/ui/theme";
import { API_URL } from "../../config/api-url";
import { errorMessage } from "../../lib/query-client";
import { RequireAuth } from "../auth/RequireAuth";
import { PersonalScheduling } from "../cards/components/PersonalScheduling";
import { useAuth } from "../auth/auth-context";
import { NotificationSettings } from "../notifications/NotificationSettings";
import { useOffline } from "../offline/offline-context";
import { useMastery } from "./api/get-mastery";
import { useStats } from "./api/get-stats";
import { updateUser } from "./api/update-user";

const RATES = [0.75, 1, 1.25, 1.5];

function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <View style={styles.stat} accessibilityLabel={`${label}: ${value}`}>
      <Text style={styles.statValue}>{value}</Text>
      <Text style={styles.statLabel}>{label}</Text>
    </View>
  );
}

function Profile({ user }: { user: User }) {
  const { setUser, signOut } = useAuth();
  const { pending, replay, lastRejected } = useOffline();
  const stats = useStats(user.id);
  const mastery = useMastery();
  const [name, setName] = useState(user.displayName);
  const [error, setError] = useState("");
  const [saved, setSaved] = useState(false);
  const prefs = user.preferences as { narration?: boolean; playbackRate?: number };

  async function update(input: UserUpdateInput) {
    const parsed = UserUpdateInput.safeParse(input);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Invalid");
    setError("");
    try {
      setUser(await updateUser(user.id, parsed.data));
      setSaved(true);
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  const setPref = (p: { narration?: boolean; playbackRate?: number }) => update({ preferences: { ...prefs, ...p } });

  const s = stats.data;
  return (
    <Screen>
      <Title>{user.displayName}</Title>
      <Muted>
        {user.email} {user.emailVerified ? "· verified" : "· not verified yet"}
      </Muted>
      <View style={styles.stats}>
        <Stat label="Day streak" value={s?.streakDays ?? "–"} />
        <Stat label="Study min this week" value={s?.studyMinutesThisWeek ?? "–"} />
        <Stat label="Lessons created" value={s?.videosCreated ?? "–"} />
        <Stat label="Events done" value={s?.eventsCompleted ?? "–"} />
        <Stat label="Upcoming" value={s?.eventsUpcoming ?? "–"} />
        <Stat label="Ratings given" value={s?.ratingsGiven ?? "–"} />
      </View>
      {stats.error ? <ErrorText>{errorMessage(stats.error)}</ErrorText> : null}

      <Text accessibilityRole="header" style={styles.section}>
        Mastery
      </Text>
      {/* The percentage is the text itself: nothing here is told by colour alone. */}
      {(mastery.data?.subjects ?? [])
        .filter((m) => m.mastery !== null)
        .map((m) => (
          <Text key={m.subject} style={styles.switchLabel}>
            {SUBJECT_LABELS[m.subject]}: Mastery {Math.round((m.mastery ?? 0) * 100)}%
          </Text>
        ))}
      {(mastery.data?.lessons ?? [])
        .filter((l) => l.mastery !== null)
        .slice(0, 5)
        .map((l) => (
          <Muted key={l.videoId}>
            {l.title}: Mastery {Math.round((l.mastery ?? 0) * 100)}%
          </Muted>
        ))}
      {mastery.error ? <ErrorText>{errorMessage(mastery.error)}</ErrorText> : null}

      <Text accessibilityRole="header" style={styles.section}>
        Review scheduling
      </Text>
      <PersonalScheduling />

      <Text accessibilityRole="header" style={styles.section}>
        Settings
      </Text>
      <TextField
        label="Display name"
        value={name}
        onChangeText={(t) => {
          setName(t);
          setSaved(false);
        }}
      />
      <Button label="Save name" variant="secondary" onPress={() => update({ displayName: name })} />
      <View style={styles.switchRow}>
        <Text style={styles.switchLabel}>Read lessons aloud</Text>
        <Switch
          accessibilityLabel="Read lessons aloud"
          value={prefs.narration !== false}
          onValueChange={(v) => setPref({ narration: v })}
        />
      </View>
      <Muted>Playback speed</Muted>
      <View style={styles.row}>
        {RATES.map((r) => (
          <Chip
            key={r}
            label={`${r}×`}
            accessibilityLabel={`Playback speed ${r}`}
            selected={(prefs.playbackRate ?? 1) === r}
            onPress={() => setPref({ playbackRate: r })}
          />
        ))}
      </View>
      {saved ? <Notice tone="success">Saved.</Notice> : null}
      <ErrorText>{error}</ErrorText>

      <NotificationSettings user={user} />

      <Text accessibilityRole="header" style={styles.section}>
        Sync
      </Text>
      <Muted>Server: {API_URL}</Muted>
      <Muted>{pending.length === 0 ? "Everything is saved." : `${pending.length} change(s) waiting to sync.`}</Muted>
      {pending.length > 0 ? <Button label="Sync now" variant="secondary" onPress={() => void replay()} /> : null}
      <ErrorText>{lastRejected}</ErrorText>
      {pending.length > 0 ? (
        <Notice tone="warning">Signing out discards changes that are not synced yet.</Notice>
      ) : null}
      <Button label="Sign out" variant="danger" onPress={() => void signOut()} style={styles.signOut} />
    </Screen>
  );
}

function SignedInProfile() {
  const { user } = useAuth();
  return user ? <Profile user={user} /> : <Muted>Offline: your profile will load when you reconnect.</Muted>;
}

export function ProfileScreen() {
  return (
    <RequireAuth title="Profile">
      <SignedInProfile />
    </RequireAuth>
  );
}

const styles = StyleSheet.create({
  stats: { flexDirection: "row", flexWrap: "wrap", gap: space.sm, marginVertical: space.md },
  stat: { width: "31%", backgroundColor: colors.card, borderRadius: radius, padding: space.sm, alignItems: "center" },
  statValue: { fontSize: 20, fontWeight: "700", color: colors.text },
  statLabel: { fontSize: 12, color: colors.muted, textAlign: "center" },
  section: { fontSize: 18, fontWeight: "700", color: colors.text, marginTop: space.lg, marginBottom: space.sm },
  switchRow: { flexDirection: "row", alignItems: "center", justifyContent: "space-between", marginVertical: space.md },
  switchLabel: { color: colors.text, fontSize: 15 },
  row: { flexDirection: "row", flexWrap: "wrap", marginBottom: space.md },
  signOut: { marginTop: space.xl },
});
