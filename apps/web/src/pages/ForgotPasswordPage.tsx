import { ForgotPasswordInput } from "@lm/core";
import { useState } from "react";
import { Link } from "react-router";
import { Button } from "../components/ui/Button";
import { FormError, TextField } from "../components/ui/Field";
import { useForgotPassword } from "../features/auth/api/forgot-password";
import { AuthCard } from "../features/auth/components/AuthCard";
import { useSchemaForm } from "../lib/forms";
import { useDocumentTitle } from "../lib/hooks";

export default function ForgotPasswordPage() {
  useDocumentTitle("Forgot password");
  const forgot = useForgotPassword();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { errors, formError, onSubmit } = useSchemaForm(ForgotPasswordInput, async ({ email }) => {
    await forgot.mutateAsync(email);
    setSentTo(email);
  });

  return (
    <AuthCard
      title="Reset your password"
      subtitle="Enter your email and we'll send you a link to choose a new password."
      footer={
        <Link to="/login" className="font-medium text-brand hover:underline">
          Back to log in
        </Link>
      }
    >
      {sentTo ? (
        <p role="status" className="rounded-lg bg-success/10 px-3 py-3 text-sm text-fg">
          If an account exists for <strong>{sentTo}</strong>, a reset link is on its way. It works for 24 hours.
        </p>
      ) : (
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          <FormError message={formError} />
          <TextField label="Email" name="email" type="email" autoComplete="email" required error={errors.email} />
          <Button type="submit" loading={forgot.isPending}>
            Send reset link
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
