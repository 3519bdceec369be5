import type { RegisterInput } from "@lm/core";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { useAuth } from "../../../stores/auth";

export async function register(input: RegisterInput) {
  const result = await api.register(input);
  useAuth.getState().signIn(result.session, result.user);
  return result;
}

export const useRegister = () => useMutation({ mutationFn: register });
