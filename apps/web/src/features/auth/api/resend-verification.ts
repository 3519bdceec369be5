import { useMutation } from "@tanstack/react-query";
import { api } from "../../../lib/api";

export const resendVerification = () => api.resendVerification();
export const useResendVerification = () => useMutation({ mutationFn: resendVerification });
