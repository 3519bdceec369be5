// Test doubles for code built on @lm/core (`@lm/core/testing`).
export { FakeRealtimeSocket } from "./realtime/fake-socket.js";
