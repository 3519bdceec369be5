// The narrated lesson player: one slide per key point, captions from the script, optional voice.
import {
  buildCaptions,
  buildSlides,
  captionAt,
  contrastRatio,
  formatClock,
  indexAt,
  nextSlideStart,
  previousSlideStart,
  progressFraction,
  SUBJECT_COLORS,
  type Video,
} from "@lm/core";
import { useEffect, useMemo, useState } from "react";
import { Pressable, StyleSheet, Switch, Text, View } from "react-native";
import { Button } from "../../components/ui/Button";
import { colors, radius, slideBadge, space } from "../../components/ui/theme";
import { speak, stopSpeaking } from "./narration";
import { usePlayback } from "./use-playback";
import { useWatchTime } from "./use-watch-time";

/**
 * The slide's big text on its subject colour: white, unless white misses WCAG AA for large text (3:1; the
 * text is 22px bold) on that colour, as on Economics' amber; then the theme's dark text colour.
 */
export function slideTextColor(background: string): string {
  return contrastRatio(colors.primaryText, background) >= 3 ? colors.primaryText : colors.text;
}

interface Props {
  video: Video;
  narrationDefault?: boolean;
  rate?: number;
  onFinished?: () => void;
  /** The second to open at. */
  startAt?: number;
}

export function Player({ video, narrationDefault = true, rate = 1, onFinished, startAt = 0 }: Props) {
  const slides = useMemo(() => buildSlides(video), [video]);
  const captions = useMemo(() => buildCaptions(video.script ?? video.scriptSummary, video.duration), [video]);
  const playback = usePlayback(video.duration, rate, 250, startAt);
  useWatchTime(video.id, playback.playing, playback.time);
  const [narrate, setNarrate] = useState(narrationDefault);
  const slideIndex = indexAt(slides, playback.time);
  const slide = slides[slideIndex];
  const subjectColor = SUBJECT_COLORS[video.subject];
  // Captions run over the whole lesson here, not slide by slide as on the web, so a sentence may outlast its slide.
  const caption = captionAt(captions, playback.time);

  useEffect(() => {
    if (playback.playing && narrate && caption) speak(caption.text, rate);
    else stopSpeaking();
  }, [playback.playing, narrate, caption, rate]);

  useEffect(() => stopSpeaking, []);

  const finished = playback.time >= video.duration && video.duration > 0;
  const progress = { min: 0, max: video.duration, now: Math.floor(playback.time), text: formatClock(playback.time) };
  useEffect(() => {
    if (finished) onFinished?.();
  }, [finished, onFinished]);

  return (
    <View style={styles.player}>
      <View
        style={[styles.slide, { backgroundColor: subjectColor }]}
        accessibilityLabel={slide ? `Slide ${slideIndex + 1} of ${slides.length}: ${slide.text}` : "No slides"}
        testID="player-slide"
      >
        {slide ? (
          <Text style={styles.slideCount} testID="player-slide-count">
            {slideIndex + 1} / {slides.length}
          </Text>
        ) : null}
        <Text style={[styles.slideText, { color: slideTextColor(subjectColor) }]} testID="player-slide-text">
          {slide?.text ?? video.title}
        </Text>
      </View>
      <View style={styles.dots}>
        {slides.map((s) => (
          <Pressable
            key={s.index}
            accessibilityRole="button"
            accessibilityLabel={`Go to slide ${s.index + 1}: ${s.text}`}
            accessibilityState={{ selected: s.index === slideIndex }}
            onPress={() => playback.seek(s.start)}
            hitSlop={8}
            style={[styles.dot, s.index === slideIndex && styles.dotOn]}
          />
        ))}
      </View>
      <Text style={styles.caption} accessibilityLiveRegion="polite" testID="player-caption">
        {caption?.text ?? " "}
      </Text>
      <View
        accessible
        accessibilityRole="adjustable"
        accessibilityLabel="Lesson progress"
        accessibilityValue={progress}
        // react-native-web drops accessibilityValue; a role=slider needs these on the web (native reads them too).
        aria-valuemin={progress.min}
        aria-valuemax={progress.max}
        aria-valuenow={progress.now}
        aria-valuetext={progress.text}
        accessibilityActions={[{ name: "increment" }, { name: "decrement" }]}
        onAccessibilityAction={(e) =>
          playback.seek(playback.time + (e.nativeEvent.actionName === "increment" ? 10 : -10))
        }
        style={styles.track}
      >
        <View style={[styles.fill, { width: `${progressFraction(playback.time, video.duration) * 100}%` }]} />
      </View>
      <Text style={styles.clock}>
        {formatClock(playback.time)} / {formatClock(video.duration)}
      </Text>
      <View style={styles.controls}>
        <Button
          label="‹"
          accessibilityLabel="Previous slide"
          variant="secondary"
          onPress={() => playback.seek(previousSlideStart(slides, playback.time))}
        />
        <Button
          label={playback.playing ? "Pause" : finished ? "Replay" : "Play"}
          accessibilityLabel={playback.playing ? "Pause lesson" : "Play lesson"}
          onPress={playback.playing ? playback.pause : playback.play}
          style={styles.play}
        />
        <Button
          label="›"
          accessibilityLabel="Next slide"
          variant="secondary"
          onPress={() => playback.seek(nextSlideStart(slides, playback.time, video.duration))}
        />
      </View>
      <View style={styles.voice}>
        <Text style={styles.voiceLabel}>Narration</Text>
        <Switch accessibilityLabel="Narration" value={narrate} onValueChange={setNarrate} />
      </View>
    </View>
  );
}

const styles = StyleSheet.create({
  player: { marginBottom: space.lg },
  slide: { borderRadius: radius, padding: space.xl, minHeight: 200, justifyContent: "center" },
  // On its own opaque pill: 17.9:1 whatever the subject colour behind it (see slideBadge in the theme).
  slideCount: {
    color: slideBadge.text,
    backgroundColor: slideBadge.background,
    fontSize: 13,
    position: "absolute",
    top: space.md,
    right: space.md,
    paddingHorizontal: space.sm,
    paddingVertical: 2,
    borderRadius: radius,
    overflow: "hidden",
  },
  slideText: { fontSize: 22, fontWeight: "700", textAlign: "center" },
  dots: { flexDirection: "row", justifyContent: "center", gap: space.sm, marginTop: space.sm },
  dot: { width: 10, height: 10, borderRadius: 5, backgroundColor: colors.border },
  dotOn: { backgroundColor: colors.primary },
  caption: { minHeight: 48, fontSize: 16, color: colors.text, textAlign: "center", marginVertical: space.md },
  track: { height: 8, backgroundColor: colors.border, borderRadius: 4, overflow: "hidden" },
  fill: { height: 8, backgroundColor: colors.primary },
  clock: { color: colors.muted, fontSize: 13, textAlign: "right", marginTop: space.xs },
  controls: { flexDirection: "row", justifyContent: "center", gap: space.md, marginTop: space.md },
  play: { minWidth: 120 },
  voice: { flexDirection: "row", alignItems: "center", justifyContent: "center", gap: space.sm, marginTop: space.md },
  voiceLabel: { color: colors.text },
});
