// The lesson's narrated MP4 in the phone's own player (expo-video: native controls and fullscreen),
// with its captions under the picture (expo-video shows only captions embedded
// in the file, so they come from captions.vtt) and the key points as chapters that seek.
import { cueAt, formatClock, indexAt, type Video } from "@lm/core";
import { useEvent } from "expo";
import { useVideoPlayer, VideoView } from "expo-video";
import { useMemo } from "react";
import { Pressable, StyleSheet, Text, View } from "react-native";
import { colors, radius, space } from "../../components/ui/theme";
import { useCaptions } from "../videos/api/get-captions";
import type { MediaSources } from "../videos/api/media-sources";
import { useWatchTime } from "./use-watch-time";

interface Props {
  video: Pick<Video, "id" | "title" | "keyPoints" | "timestamps">;
  sources: MediaSources;
  /** The second to open at. */
  startAt?: number;
}

export function LessonVideo({ video, sources, startAt = 0 }: Props) {
  const player = useVideoPlayer({ uri: sources.mp4, metadata: { title: video.title } }, (p) => {
    p.timeUpdateEventInterval = 0.25;
    if (startAt > 0) p.currentTime = startAt;
  });
  const { currentTime } = useEvent(player, "timeUpdate", {
    currentTime: 0,
    currentLiveTimestamp: null,
    currentOffsetFromLive: null,
    bufferedPosition: 0,
  });
  const { isPlaying } = useEvent(player, "playingChange", { isPlaying: player.playing, oldIsPlaying: false });
  useWatchTime(video.id, isPlaying, currentTime);
  const captions = useCaptions(sources.captions);
  const chapters = useMemo(
    () => video.keyPoints.map((text, i) => ({ text, start: video.timestamps[i] ?? 0 })),
    [video.keyPoints, video.timestamps],
  );
  const current = indexAt(chapters, currentTime);
  const cue = cueAt(captions.data ?? [], currentTime);

  return (
    <View style={styles.wrap}>
      <VideoView
        player={player}
        style={styles.video}
        nativeControls
        fullscreenOptions={{ enable: true }}
        contentFit="contain"
        accessibilityLabel={`Video: ${video.title}`}
        testID="lesson-video"
      />
      {/* Fixed height: the text below does not jump as captions come and go. */}
      <Text style={styles.caption} accessibilityLiveRegion="polite" testID="video-caption">
        {cue?.text ?? ""}
      </Text>
      <Text accessibilityRole="header" style={styles.heading}>
        Chapters
      </Text>
      {chapters.map((c, i) => (
        <Pressable
          // biome-ignore lint/suspicious/noArrayIndexKey: key points may repeat; their order never changes
          key={i}
          accessibilityRole="button"
          accessibilityLabel={`Chapter ${i + 1} of ${chapters.length}: ${c.text}, at ${formatClock(c.start)}`}
          accessibilityState={{ selected: i === current }}
          onPress={() => {
            player.currentTime = c.start;
          }}
          style={[styles.chapter, i === current && styles.current]}
        >
          <Text style={styles.time}>{formatClock(c.start)}</Text>
          <Text style={styles.chapterText}>{c.text}</Text>
        </Pressable>
      ))}
    </View>
  );
}

const styles = StyleSheet.create({
  wrap: { marginVertical: space.md },
  video: { width: "100%", aspectRatio: 16 / 9, backgroundColor: "#000", borderRadius: radius },
  caption: {
    minHeight: 48,
    marginTop: space.sm,
    padding: space.sm,
    borderRadius: radius,
    backgroundColor: colors.text,
    color: colors.primaryText,
    fontSize: 15,
  },
  heading: { fontSize: 17, fontWeight: "700", color: colors.text, marginTop: space.md, marginBottom: space.xs },
  chapter: {
    flexDirection: "row",
    gap: space.sm,
    paddingVertical: space.sm,
    paddingHorizontal: space.xs,
    minHeight: 44,
  },
  current: { backgroundColor: colors.border, borderRadius: radius },
  time: { fontVariant: ["tabular-nums"], color: colors.muted, width: 44 },
  chapterText: { flex: 1, color: colors.text },
});
