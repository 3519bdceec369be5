import { Password } from "@lm/core";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { z } from "zod";
import { Button, ButtonLink } from "../components/ui/Button";
import { FormError, TextField } from "../components/ui/Field";
import { useResetPassword } from "../features/auth/api/reset-password";
import { AuthCard } from "../features/auth/components/AuthCard";
import { useSchemaForm } from "../lib/forms";
import { useDocumentTitle } from "../lib/hooks";

const ResetForm = z
  .object({ password: Password, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The passwords don't match" });

export default function ResetPasswordPage() {
  useDocumentTitle("Choose a new password");
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const reset = useResetPassword();
  const [done, setDone] = useState(false);
  const { errors, formError, onSubmit } = useSchemaForm(ResetForm, async ({ password }) => {
    await reset.mutateAsync({ token, password });
    setDone(true);
  });

  return (
    <AuthCard
      title="Choose a new password"
      subtitle="After this, you'll be signed out everywhere and can log in with the new password."
    >
      {!token ? (
        <div className="flex flex-col gap-4 text-sm text-fg">
          <p>This page needs the link from your reset email. Ask for a new one if you can't find it.</p>
          <ButtonLink to="/forgot-password">Send me a new link</ButtonLink>
        </div>
      ) : done ? (
        <div className="flex flex-col gap-4">
          <p role="status" className="rounded-lg bg-success/10 px-3 py-3 text-sm text-fg">
            Your password has been changed.
          </p>
          <ButtonLink to="/login">Log in</ButtonLink>
        </div>
      ) : (
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          <FormError message={formError} />
          {formError && (
            <Link to="/forgot-password" className="text-sm font-medium text-brand hover:underline">
              Request a new reset link
            </Link>
          )}
          <TextField
            label="New password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            error={errors.password}
          />
          <TextField
            label="Confirm password"
            name="confirm"
            type="password"
            autoComplete="new-password"
            required
            error={errors.confirm}
          />
          <Button type="submit" loading={reset.isPending}>
            Change password
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
