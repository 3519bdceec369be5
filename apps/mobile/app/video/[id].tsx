// Lesson route: the player, quiz, rating and live comments for one video.
export { VideoScreen as default } from "../../src/features/player/VideoScreen";
