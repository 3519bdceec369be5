import { useMutation } from "@tanstack/react-query";
import { api } from "../../../lib/api";

export const forgotPassword = (email: string) => api.forgotPassword(email);
export const useForgotPassword = () => useMutation({ mutationFn: forgotPassword });
