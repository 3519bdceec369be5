// GET /users/:id/stats: the student's study totals.
import { useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { profileKeys } from "./keys";

export const getStats = (userId: string) => api.stats(userId);

export function useStats(userId: string) {
  return useQuery({ queryKey: profileKeys.stats(userId), queryFn: () => getStats(userId) });
}
