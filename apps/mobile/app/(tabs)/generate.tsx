// Generate tab route.
export { GenerateScreen as default } from "../../src/features/generate/GenerateScreen";
