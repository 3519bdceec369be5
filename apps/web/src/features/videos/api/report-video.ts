import { useMutation } from "@tanstack/react-query";
import { api } from "../../../lib/api";

export const useReportVideo = (id: string) =>
  useMutation({ mutationFn: (reason?: string) => api.reportVideo(id, reason) });
