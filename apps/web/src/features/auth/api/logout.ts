import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { useAuth } from "../../../stores/auth";
import { toast } from "../../../stores/toast";

export async function logout() {
  try {
    await api.logout();
  } finally {
    useAuth.getState().signOut(null);
  }
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: logout, onSettled: () => qc.clear() });
}

/**
 * Signs out, then tells the student and goes to the feed (what a signed-out visitor can still
 * use; a "Welcome back" log-in form right after leaving reads like an error). Uses the mutation's promise, not mutate()'s
 * per-call callbacks: the button that started it (the account menu) unmounts as soon as the session
 * clears, and React Query drops per-call callbacks of unmounted components.
 */
export function useSignOut(navigate: (to: string) => void) {
  const logoutMutation = useLogout();
  const signOut = async () => {
    try {
      await logoutMutation.mutateAsync();
    } catch {
      // The local session is cleared either way (see logout()); the server may just be unreachable.
    } finally {
      toast.info("You're signed out.");
      navigate("/");
    }
  };
  return { signOut, isPending: logoutMutation.isPending };
}
