// Unit: which API base URL the app uses.
import { DEV_API_URL, resolveApiUrl } from "./api-url";

test("the env variable wins over app.json, which wins over the dev default", () => {
  expect(resolveApiUrl("http://192.168.1.20:3000/api/v1/", "https://prod/api/v1")).toBe(
    "http://192.168.1.20:3000/api/v1",
  );
  expect(resolveApiUrl(undefined, "https://prod.example/api/v1")).toBe("https://prod.example/api/v1");
  expect(resolveApiUrl("", "")).toBe(DEV_API_URL);
  expect(resolveApiUrl(undefined, 42)).toBe(DEV_API_URL);
});
