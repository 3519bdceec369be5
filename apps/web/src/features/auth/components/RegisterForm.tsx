import { RegisterInput } from "@lm/core";
import { Button } from "../../../components/ui/Button";
import { FormError, TextField } from "../../../components/ui/Field";
import { useSchemaForm } from "../../../lib/forms";
import { useRegister } from "../api/register";

export function RegisterForm({ onSuccess }: { onSuccess(): void }) {
  const register = useRegister();
  const { errors, formError, onSubmit } = useSchemaForm(RegisterInput, async (input) => {
    await register.mutateAsync(input);
    onSuccess();
  });

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
