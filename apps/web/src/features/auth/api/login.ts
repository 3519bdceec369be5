import type { LoginInput } from "@lm/core";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { useAuth } from "../../../stores/auth";

export async function login(input: LoginInput) {
  const result = await api.login(input);
  useAuth.getState().signIn(result.session, result.user);
  return result;
}

export const useLogin = () => useMutation({ mutationFn: login });
