// What other features call to tell a user something: activity on their lessons (ratings,
// comments) and the outcome of a lesson or comment. Re-exports only, so no cycle runs through it.
export { notifyCreator } from "./activity.js";
export { notifyCommentDecided, notifyLessonFailed, notifyLessonReady } from "./outcomes.js";
