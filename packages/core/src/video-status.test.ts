import { describe, expect, it } from "vitest";
import { VIDEO_STATUSES } from "./constants.js";
import { VideoMedia } from "./schemas/videos.js";
import { isVideoFinished, isVideoInProgress, unavailableMedia } from "./video-status.js";

describe("video status", () => {
  it("counts only queued and generating lessons as in progress", () => {
    expect(VIDEO_STATUSES.filter(isVideoInProgress)).toEqual(["PENDING", "GENERATING"]);
  });

  it("treats every other status as finished, failures included", () => {
    expect(isVideoFinished("PUBLIC")).toBe(true);
    expect(isVideoFinished("FAILED")).toBe(true);
    expect(isVideoFinished("REJECTED")).toBe(true);
    expect(isVideoFinished("GENERATING")).toBe(false);
  });

  it("describes a lesson without a video as the contract's VideoMedia, nothing to play, with its reason", () => {
    const media = VideoMedia.parse(unavailableMedia("There is no lesson to make a video of."));
    expect(media).toMatchObject({
      status: "UNAVAILABLE",
      mp4Url: null,
      failureReason: "There is no lesson to make a video of.",
    });
    expect(unavailableMedia().failureReason).toBeNull();
  });
});
