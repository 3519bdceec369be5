// Where the API lives. The server serves this app on the same origin, so relative paths work
// everywhere; VITE_API_URL lets the desktop shell or a split deployment point elsewhere.
// Inside the desktop app the page comes from app://, so the bridge says where the server is.
const origin =
  typeof window !== "undefined" ? (window.littleMonster?.serverUrl ?? window.location.origin) : "http://localhost:3000";

export const API_BASE_URL: string = import.meta.env.VITE_API_URL ?? `${origin}/api/v1`;

export const APP_NAME = "Little Monster";
