// Where a lesson's video files live in storage, and how they are stored and removed.
import type { Storage } from "../storage.js";

export const MEDIA_FILES = {
  "video.mp4": "video/mp4",
  "captions.vtt": "text/vtt; charset=utf-8",
  "chapters.vtt": "text/vtt; charset=utf-8",
} as const;
export type MediaFile = keyof typeof MEDIA_FILES;

export const mediaKey = (videoId: string, file: MediaFile) => `videos/${videoId}/${file}`;
/** The lesson's thumbnail in storage, and the public URL that serves it (`v` busts caches on change). */
export const thumbnailKey = (videoId: string) => `thumbnails/${videoId}.png`;
export const thumbnailUrl = (videoId: string, version: number) =>
  `/api/v1/videos/${videoId}/thumbnail.png?v=${version}`;

export async function storeMediaFiles(
  storage: Storage,
  videoId: string,
  files: { mp4Path: string; captions: string; chapters: string },
) {
  // Text tracks first: by the time the MP4 (and so a READY row) exists, its tracks do too.
  await storage.put(mediaKey(videoId, "captions.vtt"), Buffer.from(files.captions), MEDIA_FILES["captions.vtt"]);
  await storage.put(mediaKey(videoId, "chapters.vtt"), Buffer.from(files.chapters), MEDIA_FILES["chapters.vtt"]);
  await storage.putFile(mediaKey(videoId, "video.mp4"), files.mp4Path, MEDIA_FILES["video.mp4"]);
}

/** Removes a lesson's video files (on delete); missing files are fine. */
export async function deleteMediaFiles(storage: Storage, videoId: string) {
  for (const file of Object.keys(MEDIA_FILES) as MediaFile[]) await storage.delete(mediaKey(videoId, file));
}

/** Everything a lesson has on disk: its thumbnail and its video files. */
export async function deleteLessonFiles(storage: Storage, videoId: string) {
  await storage.delete(thumbnailKey(videoId));
  await deleteMediaFiles(storage, videoId);
}
