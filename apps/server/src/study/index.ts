// What other features read of study: the daily activity the planner's stats show. Re-exports only.
export { studyActivity } from "./activity.js";
