import { useMutation } from "@tanstack/react-query";
import { api } from "../../../lib/api";

export const useReportComment = () =>
  useMutation({ mutationFn: (input: { id: string; reason?: string }) => api.reportComment(input.id, input.reason) });
