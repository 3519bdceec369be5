// Feature modules beyond auth and users plug in here: routes, start-up work, server attachments.
import type { Feature } from "./feature.js";
import { backupFeature } from "./backup/feature.js";
import { capabilitiesFeature } from "./capabilities/feature.js";
import { cardsFeature } from "./cards/feature.js";
import { commentsFeature } from "./comments/feature.js";
import { moderationFeature } from "./moderation/feature.js";
import { notificationsFeature } from "./notifications/feature.js";
import { plannerFeature } from "./planner/feature.js";
import { ratingsFeature } from "./ratings/feature.js";
import { studyFeature } from "./study/feature.js";
import { realtimeFeature } from "./realtime/feature.js";
import { videosFeature } from "./videos/feature.js";

export const features: Feature[] = [
  capabilitiesFeature,
  videosFeature,
  commentsFeature,
  moderationFeature,
  ratingsFeature,
  plannerFeature,
  cardsFeature,
  studyFeature,
  notificationsFeature,
  realtimeFeature,
  backupFeature,
];
