// Providers around the app: server state (TanStack Query), tab sync, theme and the toasts.
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import { Toaster } from "../components/ui/Toaster";
import { createQueryClient } from "../lib/query-client";
import { realtime } from "../lib/realtime";
import { watchSystemTheme } from "../lib/theme";
import { syncAcrossTabs } from "../stores/auth";

export function AppProviders({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  useEffect(() => syncAcrossTabs(), []);
  useEffect(() => watchSystemTheme(), []);
  // Live events were missed (a reconnect, or the server lost its database listener): refetch what is shown.
  useEffect(() => realtime.onResync(() => void client.invalidateQueries()), [client]);
  return (
    <QueryClientProvider client={client}>
      {children}
      <Toaster />
    </QueryClientProvider>
  );
}
