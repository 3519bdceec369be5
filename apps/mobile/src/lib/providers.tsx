// Everything a screen expects above it: React Query, the signed-in user, the offline queue.
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import { AuthProvider } from "../features/auth/auth-context";
import { OfflineProvider } from "../features/offline/offline-context";
import { realtime } from "../features/realtime/client";
import { makeQueryClient } from "./query-client";

export function AppProviders({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? makeQueryClient());
  // Live events were missed (a reconnect, or the server lost its database listener): refetch what is shown.
  useEffect(() => realtime.onResync(() => void queryClient.invalidateQueries()), [queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <OfflineProvider>{children}</OfflineProvider>
      </AuthProvider>
    </QueryClientProvider>
  );
}
