import { LoginInput } from "@lm/core";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { Button } from "../../../components/ui/Button";
import { FormError, TextField } from "../../../components/ui/Field";
import { errorMessage } from "../../../lib/errors";
import { type FieldErrors, formValues, serverFieldErrors, validate } from "../../../lib/forms";
import { useLogin } from "../api/login";

export function LoginForm({ onSuccess }: { onSuccess(): void }) {
  const login = useLogin();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    const parsed = validate(LoginInput, formValues(e.currentTarget));
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    try {
      await login.mutateAsync(parsed.data);
      onSuccess();
    } catch (err) {
      const fields = serverFieldErrors(err);
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFormError(errorMessage(err));
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormError message={formError} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required error={errors.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={errors.password}
      />
      <div className="-mt-2 text-right text-sm">
        <Link to="/forgot-password" className="text-brand underline-offset-2 hover:underline">
          Forgot your password?
        </Link>
      </div>
      <Button type="submit" loading={login.isPending}>
        Log in
      </Button>
    </form>
  );
}
