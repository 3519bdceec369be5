// The package is `sideEffects: false`, so a bundle keeps only the modules it uses: the web app's
// first load takes the zod-free ones (constants, problems, client, colours) and the schema library
// arrives with the pages that validate forms. Keep zod out of those files.
export * from "./calendar.js";
export * from "./client.js";
export * from "./colors.js";
export * from "./due-refetch.js";
export * from "./constants.js";
export * from "./debounce.js";
export * from "./desktop-bridge.js";
export * from "./endpoints/index.js";
export * from "./enums.js";
export * from "./errors.js";
export * from "./form-errors.js";
export * from "./locale.js";
export * from "./player/timing.js";
export * from "./player/vtt.js";
export * from "./player/watch-tracker.js";
export * from "./plural.js";
export * from "./problems.js";
export * from "./realtime/client.js";
export * from "./schemas/auth.js";
export * from "./schemas/capabilities.js";
export * from "./schemas/cards.js";
export * from "./schemas/common.js";
export * from "./schemas/planner.js";
export * from "./schemas/realtime.js";
export * from "./schemas/social.js";
export * from "./schemas/users.js";
export * from "./schemas/videos.js";
export * from "./video-status.js";
export * from "./weekly.js";
