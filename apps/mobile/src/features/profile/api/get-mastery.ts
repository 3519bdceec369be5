// The student's flash-card mastery summary, shown on the profile tab.
import { useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { profileKeys } from "./keys";

export const getMastery = () => api.mastery();

export function useMastery() {
  return useQuery({ queryKey: profileKeys.mastery(), queryFn: getMastery });
}
