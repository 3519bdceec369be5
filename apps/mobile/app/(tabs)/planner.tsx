// Planner tab route.
export { PlannerScreen as default } from "../../src/features/planner/PlannerScreen";
