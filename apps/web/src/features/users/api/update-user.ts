import type { UserUpdateInput } from "@lm/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { useAuth } from "../../../stores/auth";
import { meKey } from "../../auth/api/get-me";

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UserUpdateInput) => {
      const id = useAuth.getState().user?.id;
      if (!id) throw new Error("Not signed in");
      return api.updateUser(id, input);
    },
    onSuccess: (user) => {
      useAuth.getState().setUser(user);
      qc.setQueryData(meKey, user);
    },
  });
}
