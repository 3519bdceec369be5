// Test data shaped like the contract's objects (api-v1.md), one fresh copy per call.
import type { PlannerEvent, PublicUser, Session, User, Video } from "@lm/core";

let n = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, "1")}`;
const at = "2026-11-26T09:00:00.000Z";

export function makeUser(over: Partial<User> = {}): User {
  return {
    id: uuid(),
    email: "ada@example.com",
    emailVerified: true,
    displayName: "Ada",
    avatarColor: "#4F46E5",
    subjects: ["MATH"],
    preferences: {},
    role: "USER",
    createdAt: at,
    updatedAt: at,
    lastActiveAt: null,
    ...over,
  };
}

export const publicUser = (u: User = makeUser({ displayName: "Grace" })): PublicUser => ({
  id: u.id,
  displayName: u.displayName,
  avatarColor: u.avatarColor,
  subjects: u.subjects,
  createdAt: u.createdAt,
});

export function makeVideo(over: Partial<Video> = {}): Video {
  return {
    id: uuid(),
    title: "Photosynthesis in 3 minutes",
    subject: "BIOLOGY",
    difficulty: "BEGINNER",
    topic: "Photosynthesis",
    createdBy: publicUser(),
    status: "PUBLIC",
    scriptSummary: "How plants turn light into sugar.",
    script: "Plants capture light. Chlorophyll absorbs it. Sugar is made from carbon dioxide and water.",
    keyPoints: ["Light capture", "Chlorophyll", "Making sugar"],
    timestamps: [0, 10, 20],
    videoUrl: null,
    thumbnailUrl: null,
    duration: 30,
    ratingAvg: 4.5,
    ratingCount: 2,
    viewCount: 10,
    commentCount: 0,
    tags: [],
    quiz: [{ question: "What absorbs light?", choices: ["Chlorophyll", "Water"], answerIndex: 0 }],
    failureCode: null,
    failureReason: null,
    media: {
      status: "PENDING",
      progress: 0,
      durationSec: null,
      sizeBytes: null,
      mp4Url: null,
      captionsUrl: null,
      chaptersUrl: null,
      failureCode: null,
      failureReason: null,
    },
    createdAt: at,
    updatedAt: at,
    myRating: null,
    ...over,
  };
}

export function makeEvent(over: Partial<PlannerEvent> = {}): PlannerEvent {
  return {
    id: uuid(),
    title: "Biology exam",
    description: null,
    subject: "BIOLOGY",
    type: "EXAM",
    startDate: new Date(Date.now() + 86_400_000).toISOString(),
    endDate: null,
    isCompleted: false,
    reminders: [60],
    createdAt: at,
    updatedAt: at,
    ...over,
  };
}

export const makeSession = (tag = "1"): Session => ({
  accessToken: `access-${tag}`,
  refreshToken: `refresh-${tag}`,
  tokenType: "Bearer",
  expiresIn: 900,
});
