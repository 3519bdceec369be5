import { describe, expect, it } from "vitest";
import { VIDEO_STATUSES } from "./constants.js";
import { isVideoFinished, isVideoInProgress } from "./video-status.js";

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
});
