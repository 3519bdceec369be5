import { useMutation } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { useAuth } from "../../../stores/auth";

export async function verifyEmail(token: string) {
  const { user } = await api.verifyEmail(token);
  const auth = useAuth.getState();
  if (auth.user?.id === user.id) auth.setUser(user);
  return user;
}

export const useVerifyEmail = () => useMutation({ mutationFn: verifyEmail });
