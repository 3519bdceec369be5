// Feed tab: a word on what the app is for visitors, subject and difficulty filters, search, and an
// endless list over cursor pages.
import { DIFFICULTIES, SUBJECTS, type Video } from "@lm/core";
import { useRouter } from "expo-router";
import { useMemo, useRef, useState } from "react";
import { FlatList, RefreshControl, StyleSheet, Text, TextInput, View } from "react-native";
import { Button } from "../../components/ui/Button";
import { ChoiceRow } from "../../components/ui/Chip";
import { ErrorText, Loading, Muted, Notice } from "../../components/ui/Screen";
import { colors, radius, space } from "../../components/ui/theme";
import { useDebounced } from "../../lib/hooks";
import { errorMessage } from "../../lib/query-client";
import { useAuth } from "../auth/auth-context";
import { useLessonMastery } from "../cards/api/get-lesson-mastery";
import { useOnline } from "../offline/connectivity";
import { type FeedFilters, type FeedSort, useFeed } from "../videos/api/list-videos";
import { VideoCard } from "../videos/components/VideoCard";
import { difficultyLabel, subjectLabel } from "../videos/format";

const SORTS = ["new", "top", "trending"] as const satisfies readonly FeedSort[];
const SORT_LABELS: Record<FeedSort, string> = { new: "Newest", top: "Top rated", trending: "Trending" };

/** A visitor's first screen: what Little Monster is, and the two things to do here. */
function Introduction({ onWatch }: { onWatch(): void }) {
  const router = useRouter();
  return (
    <View style={styles.intro}>
      <Text style={styles.introText}>
        Little Monster turns a topic and your notes into a short video lesson with a quiz: watch what other students
        made, or create your own.
      </Text>
      <View style={styles.introActions}>
        <Button label="Watch lessons" onPress={onWatch} />
        <Button label="Create a lesson" variant="secondary" onPress={() => router.push("/generate")} />
      </View>
    </View>
  );
}

export function FeedScreen() {
  const [sort, setSort] = useState<FeedSort>("new");
  const [subject, setSubject] = useState<FeedFilters["subject"]>(null);
  const [difficulty, setDifficulty] = useState<FeedFilters["difficulty"]>(null);
  const [search, setSearch] = useState("");
  const q = useDebounced(search, 300);
  const online = useOnline();
  const { status } = useAuth();
  const signedOut = status === "signedOut";
  const listRef = useRef<FlatList<Video>>(null);
  const feed = useFeed({ sort, subject, difficulty, q });
  const mastery = useLessonMastery(status === "signedIn");
  const videos = useMemo(() => {
    // Pages stay unique by contract; guard anyway so a refetch mid-scroll cannot duplicate keys.
    const seen = new Set<string>();
    return (feed.data?.pages ?? []).flatMap((p) => p.items).filter((v) => !seen.has(v.id) && !!seen.add(v.id));
  }, [feed.data]);

  const header = (
    <View>
      {signedOut ? (
        <Introduction onWatch={() => videos.length > 0 && listRef.current?.scrollToIndex({ index: 0 })} />
      ) : null}
      <TextInput
        accessibilityLabel="Search lessons"
        accessibilityRole="search"
        placeholder="Search lessons"
        placeholderTextColor={colors.muted}
        value={search}
        onChangeText={setSearch}
        style={styles.search}
        autoCapitalize="none"
        returnKeyType="search"
      />
      <ChoiceRow
        label="Sort"
        options={SORTS}
        value={sort}
        onChange={(v) => v && setSort(v)}
        format={(v) => SORT_LABELS[v]}
      />
      <ChoiceRow
        label="Subject"
        options={SUBJECTS}
        value={subject}
        onChange={setSubject}
        format={subjectLabel}
        allowNone
      />
      <ChoiceRow
        label="Difficulty"
        options={DIFFICULTIES}
        value={difficulty}
        onChange={setDifficulty}
        format={difficultyLabel}
        allowNone
      />
      {!online ? <Notice tone="warning">You are offline: showing the last feed page you saw.</Notice> : null}
      {feed.error ? <ErrorText>{errorMessage(feed.error)}</ErrorText> : null}
    </View>
  );

  return (
    <FlatList<Video>
      ref={listRef}
      testID="feed-list"
      style={styles.list}
      contentContainerStyle={styles.content}
      data={videos}
      keyExtractor={(v) => v.id}
      renderItem={({ item }) => <VideoCard video={item} mastery={mastery.get(item.id) ?? null} />}
      ListHeaderComponent={header}
      ListEmptyComponent={feed.isPending ? <Loading label="Loading lessons" /> : <Muted>No lessons match yet.</Muted>}
      ListFooterComponent={feed.isFetchingNextPage ? <Loading label="Loading more lessons" /> : null}
      onEndReachedThreshold={0.5}
      onEndReached={() => {
        if (feed.hasNextPage && !feed.isFetchingNextPage) void feed.fetchNextPage();
      }}
      refreshControl={<RefreshControl refreshing={feed.isRefetching} onRefresh={() => void feed.refetch()} />}
    />
  );
}

const styles = StyleSheet.create({
  intro: {
    backgroundColor: colors.card,
    borderColor: colors.border,
    borderWidth: 1,
    borderRadius: radius,
    padding: space.md,
    marginBottom: space.md,
  },
  introText: { fontSize: 16, color: colors.text, marginBottom: space.sm },
  introActions: { flexDirection: "row", flexWrap: "wrap", gap: space.sm },
  list: { flex: 1, backgroundColor: colors.bg },
  content: { padding: space.lg },
  search: {
    borderWidth: 1,
    borderColor: colors.border,
    borderRadius: radius,
    backgroundColor: colors.card,
    paddingHorizontal: space.md,
    paddingVertical: space.sm,
    fontSize: 16,
    marginBottom: space.md,
    color: colors.text,
  },
});
