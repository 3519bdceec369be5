// One lesson: the narrated player, summary, rating, report, quiz and live comments.
import { useLocalSearchParams } from "expo-router";
import { isVideoFinished, unavailableMedia, type Video } from "@lm/core";
import { useEffect, useState } from "react";
import { ActivityIndicator, StyleSheet, Text, View } from "react-native";
import { Button } from "../../components/ui/Button";
import { ErrorText, Loading, Muted, Notice, Screen, Title } from "../../components/ui/Screen";
import { colors, space } from "../../components/ui/theme";
import { errorMessage } from "../../lib/query-client";
import { useAuth } from "../auth/auth-context";
import { AddCardsButton } from "../cards/AddCardsButton";
import { GenerationProgress } from "../generate/GenerationProgress";
import { Quiz } from "../quiz/Quiz";
import { Comments } from "../social/Comments";
import { RatingStars } from "../social/RatingStars";
import { useVideo } from "../videos/api/get-video";
import { viewVideo } from "../videos/api/view-video";
import { useMediaSources } from "../videos/api/media-sources";
import { ReportLesson } from "../videos/components/ReportLesson";
import { difficultyLabel, subjectLabel } from "../videos/format";
import { KeyPoints } from "./KeyPoints";
import { LessonVideo } from "./LessonVideo";
import { Player } from "./Player";

const NO_MEDIA = unavailableMedia();

/**
 * The narrated MP4 once it is rendered; the slides while it renders (with its progress) or when there
 * is none. A video finished while someone watches the slides waits for them to switch.
 */
function LessonMedia({
  video: given,
  narration,
  rate,
  startAt,
}: {
  video: Video;
  narration: boolean;
  rate: number;
  startAt: number;
}) {
  // A lesson kept offline from before videos existed has no `media`.
  const video = given.media ? given : { ...given, media: NO_MEDIA };
  const m = video.media;
  const sources = useMediaSources(video);
  const [slides, setSlides] = useState(m.status !== "READY");
  if (m.status === "READY" && !slides) {
    return (
      <>
        {sources ? (
          <LessonVideo video={video} sources={sources} startAt={startAt} />
        ) : (
          <View style={styles.placeholder}>
            <ActivityIndicator accessibilityLabel="Loading the video" />
          </View>
        )}
        <Button variant="ghost" label="Watch as interactive slides" onPress={() => setSlides(true)} />
      </>
    );
  }
  return (
    <>
      {m.status === "READY" ? (
        <Button variant="secondary" label="Watch the video" onPress={() => setSlides(false)} />
      ) : m.status === "PENDING" || m.status === "RENDERING" ? (
        <Notice>
          {m.status === "PENDING" ? "The video is queued" : `Rendering the video… ${m.progress}%`}. The slides play
          meanwhile.
        </Notice>
      ) : (
        <Muted>There is no video of this lesson; it plays as slides.</Muted>
      )}
      <Player video={video} narrationDefault={narration} rate={rate} startAt={startAt} />
    </>
  );
}

export function VideoScreen() {
  // `t`: the second to open at (a review card's "watch the moment").
  const { id, t } = useLocalSearchParams<{ id: string; t?: string }>();
  const videoId = String(id);
  const startAt = Math.max(0, Number(t) || 0);
  const video = useVideo(videoId);
  const { user } = useAuth();
  const prefs = (user?.preferences ?? {}) as { narration?: boolean; playbackRate?: number };

  useEffect(() => {
    // Counted once per 30 minutes by the server; a failure here must not disturb the lesson.
    void viewVideo(videoId);
  }, [videoId]);

  if (video.isPending) return <Loading label="Loading lesson" />;
  if (!video.data) return <ErrorText>{errorMessage(video.error)}</ErrorText>;
  const v = video.data;
  // Only published lessons can be reported, by a signed-in student who did not make it.
  const canReport = !!user && user.id !== v.createdBy.id && v.status === "PUBLIC";
  // Students report a key point as inaccurate; the creator of a lesson made from notes rewrites it.
  const keyPointRole = user?.id === v.createdBy.id && v.keyPointSources ? "creator" : canReport ? "student" : "none";
  if (!isVideoFinished(v.status) || v.status === "FAILED" || v.status === "REJECTED") {
    return (
      <Screen>
        <GenerationProgress videoId={videoId} />
      </Screen>
    );
  }

  return (
    <Screen>
      <Title>{v.title}</Title>
      <Muted>
        {subjectLabel(v.subject)} · {difficultyLabel(v.difficulty)} · by {v.createdBy.displayName}
      </Muted>
      {v.status === "PRIVATE" ? <Notice>Only you can see this lesson.</Notice> : null}
      <LessonMedia video={v} narration={prefs.narration !== false} rate={prefs.playbackRate ?? 1} startAt={startAt} />
      {v.scriptSummary ? (
        <>
          <Text accessibilityRole="header" style={styles.heading}>
            Summary
          </Text>
          <Text style={styles.body}>{v.scriptSummary}</Text>
        </>
      ) : null}
      <Text accessibilityRole="header" style={styles.heading}>
        Key points
      </Text>
      <KeyPoints video={v} viewer={keyPointRole} />
      {user ? <AddCardsButton videoId={videoId} /> : null}
      <RatingStars video={v} />
      {canReport ? <ReportLesson key={videoId} videoId={videoId} /> : null}
      <Quiz quiz={v.quiz} />
      <Comments videoId={videoId} />
    </Screen>
  );
}

const styles = StyleSheet.create({
  placeholder: {
    width: "100%",
    aspectRatio: 16 / 9,
    justifyContent: "center",
    backgroundColor: "#000",
    borderRadius: 10,
  },
  heading: { fontSize: 20, fontWeight: "700", color: colors.text, marginTop: space.md, marginBottom: space.sm },
  body: { fontSize: 15, color: colors.text, marginBottom: space.sm, lineHeight: 22 },
});
