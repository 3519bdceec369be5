// React Query defaults: a lost connection is not retried in a loop; the offline cache answers instead.
import { ApiError, isApiErrorCode } from "@lm/core";
import { QueryClient } from "@tanstack/react-query";
import { watchAppFocus } from "./app-focus";
import { ERROR_MESSAGES } from "./error-messages";

watchAppFocus();

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Run the query function even when the browser reports offline: it falls back to the
        // persisted cache itself. Only retries wait for the connection.
        networkMode: "offlineFirst",
        staleTime: 30_000,
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      },
      // Writes decide themselves whether to send or queue (offline/perform.ts); never let React Query hold them.
      mutations: { retry: false, networkMode: "always" },
    },
  });
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.detail) return error.detail;
    return isApiErrorCode(error.code) ? ERROR_MESSAGES[error.code] : error.code.replace(/_/g, " ");
  }
  if (error instanceof Error && /network|fetch/i.test(error.message))
    return "No connection. Try again when you are online.";
  return error instanceof Error ? error.message : "Something went wrong";
}
