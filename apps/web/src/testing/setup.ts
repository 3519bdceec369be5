import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";
import { useAuth } from "../stores/auth";

afterEach(() => {
  cleanup();
  localStorage.clear();
  // Every test starts signed out.
  useAuth.setState({ session: null, user: null, endedMessage: null });
});
