// Create (no id) or edit (?id=) a planner event.
export { EventEditScreen as default } from "../../src/features/planner/EventEditScreen";
