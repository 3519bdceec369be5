import { useMutation } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { useAuth } from "../../../stores/auth";
import { toast } from "../../../stores/toast";

export type ResendOutcome = "sent" | "already_verified";

/** "already_verified" when the address was verified meanwhile (another tab or device): nothing was sent. */
export async function resendVerification(): Promise<ResendOutcome> {
  const answer = await api.resendVerification();
  if (!answer?.alreadyVerified) return "sent";
  const user = useAuth.getState().user;
  if (user && !user.emailVerified) useAuth.getState().setUser({ ...user, emailVerified: true });
  return "already_verified";
}

export const useResendVerification = () => useMutation({ mutationFn: resendVerification });

/** The words for what happened: a new link, or none because there is nothing to verify. */
export function toastResendOutcome(outcome: ResendOutcome): void {
  if (outcome === "sent") toast.success("We sent a new verification link. Check your inbox.");
  else toast.success("You're already verified: there's no link to send.");
}
