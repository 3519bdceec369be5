// Everything a screen expects above it: React Query, the signed-in user, the offline queue.
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { AuthProvider } from "../features/auth/auth-context";
import { OfflineProvider } from "../features/offline/offline-context";
import { makeQueryClient } from "./query-client";

export function AppProviders({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? makeQueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <OfflineProvider>{children}</OfflineProvider>
      </AuthProvider>
    </QueryClientProvider>
  );
}
