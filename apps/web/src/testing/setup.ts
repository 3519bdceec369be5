import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";
import { useAuth } from "../stores/auth";

afterEach(() => {
  cleanup();
  // A test on the node environment (the build's first-load check) has no DOM storage.
  globalThis.localStorage?.clear();
  // Every test starts signed out.
  useAuth.setState({ session: null, user: null, endedMessage: null });
});

// happy-dom has no layout, so its IntersectionObserver never reports an intersection: without it,
// WhenVisible renders its children at once (WhenVisible.test.tsx covers the observer path).
// biome-ignore lint/suspicious/noExplicitAny: removing a global the DOM shim defines
delete (globalThis as any).IntersectionObserver;
