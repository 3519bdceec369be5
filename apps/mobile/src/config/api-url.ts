// Where the API lives: EXPO_PUBLIC_API_URL wins, then app.json `extra.apiUrl`, then the dev default.
import Constants from "expo-constants";

export const DEV_API_URL = "http://localhost:3000/api/v1";

export function resolveApiUrl(envUrl: string | undefined, extraUrl: unknown): string {
  const pick = [envUrl, typeof extraUrl === "string" ? extraUrl : undefined].find((u) => u && u.trim() !== "");
  return (pick ?? DEV_API_URL).trim().replace(/\/+$/, "");
}

// Must be spelled out as process.env.EXPO_PUBLIC_API_URL: Expo inlines it at bundle time.
export const API_URL = resolveApiUrl(process.env.EXPO_PUBLIC_API_URL, Constants.expoConfig?.extra?.apiUrl);
