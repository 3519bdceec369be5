// "Fit scheduling to my reviews", as on the web profile: the scheduler settings (whether and when the
// FSRS weights were fitted) and the fit itself, after which the settings are asked for again.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { cardKeys } from "../keys";

export const getCardSettings = () => api.cardSettings();

export function useCardSettings() {
  return useQuery({ queryKey: cardKeys.settings(), queryFn: getCardSettings });
}

/** Refused with 409 not_enough_reviews (its detail says how many are needed) until the log is long enough. */
export function useOptimizeCards() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.optimizeCards(),
    onSuccess: () => qc.invalidateQueries({ queryKey: cardKeys.settings() }),
  });
}
