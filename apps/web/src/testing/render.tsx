import { QueryClient } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { MemoryRouter, Route, Routes } from "react-router";
import { AppProviders } from "../app/providers";

export function testQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Number.POSITIVE_INFINITY }, mutations: { retry: false } },
  });
}

/** Renders with the app's providers and a router at `path` (matched by `route`). */
export function renderWithApp(
  ui: ReactElement,
  { path = "/", route = "*", queryClient = testQueryClient(), otherRoutes = {} as Record<string, ReactElement> } = {},
) {
  const result = render(
    <AppProviders queryClient={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path={route} element={ui} />
          {route !== "/login" && <Route path="/login" element={<p>Log-in page</p>} />}
          {Object.entries(otherRoutes).map(([p, el]) => (
            <Route key={p} path={p} element={el} />
          ))}
        </Routes>
      </MemoryRouter>
    </AppProviders>,
  );
  return { ...result, queryClient };
}
