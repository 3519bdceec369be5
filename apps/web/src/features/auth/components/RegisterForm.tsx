import { RegisterInput } from "@lm/core";
import { type FormEvent, useState } from "react";
import { Button } from "../../../components/ui/Button";
import { FormError, TextField } from "../../../components/ui/Field";
import { errorMessage } from "../../../lib/errors";
import { type FieldErrors, formValues, serverFieldErrors, validate } from "../../../lib/forms";
import { useRegister } from "../api/register";

export function RegisterForm({ onSuccess }: { onSuccess(): void }) {
  const register = useRegister();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    const parsed = validate(RegisterInput, formValues(e.currentTarget));
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    try {
      await register.mutateAsync(parsed.data);
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
      <TextField
        label="Display name"
        name="displayName"
        autoComplete="nickname"
        required
        maxLength={50}
        error={errors.displayName}
      />
      <TextField label="Email" name="email" type="email" autoComplete="email" required error={errors.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        hint="At least 8 characters. Avoid common passwords."
        error={errors.password}
      />
      <Button type="submit" loading={register.isPending}>
        Create account
      </Button>
    </form>
  );
}
