import { useMutation } from "@tanstack/react-query";
import { api } from "../../../lib/api";

export const resetPassword = (input: { token: string; password: string }) =>
  api.resetPassword(input.token, input.password);
export const useResetPassword = () => useMutation({ mutationFn: resetPassword });
