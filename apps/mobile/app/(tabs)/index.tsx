// Feed tab route.
export { FeedScreen as default } from "../../src/features/feed/FeedScreen";
