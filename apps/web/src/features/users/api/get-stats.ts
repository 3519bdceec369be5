import { useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api";

export const useStats = (userId: string | undefined) =>
  useQuery({ queryKey: ["stats", userId], queryFn: () => api.stats(userId!), enabled: Boolean(userId) });
