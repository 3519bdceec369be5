import { LoginInput } from "@lm/core";
import { Link } from "react-router";
import { Button } from "../../../components/ui/Button";
import { FormError, TextField } from "../../../components/ui/Field";
import { useSchemaForm } from "../../../lib/forms";
import { useLogin } from "../api/login";

export function LoginForm({ onSuccess }: { onSuccess(): void }) {
  const login = useLogin();
  const { errors, formError, onSubmit } = useSchemaForm(LoginInput, async (input) => {
    await login.mutateAsync(input);
    onSuccess();
  });

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
