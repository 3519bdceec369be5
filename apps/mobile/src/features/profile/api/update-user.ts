// PATCH /users/:id: name and preferences; the caller puts the answer into the auth context.
import type { UserUpdateInput } from "@lm/core";
import { api } from "../../../lib/api";

export const updateUser = (userId: string, input: UserUpdateInput) => api.updateUser(userId, input);
