// Opened from littlemonster://reset-password?token=…: choose a new password, then log in again.
import { ResetPasswordInput } from "@lm/core";
import { useLocalSearchParams, useRouter } from "expo-router";
import { useState } from "react";
import { Button } from "../../../components/ui/Button";
import { ErrorText, Notice, Screen, Title } from "../../../components/ui/Screen";
import { TextField } from "../../../components/ui/TextField";
import { resetPassword } from "../api/reset-password";
import { apiErrors, type Errors, zodErrors } from "../form-errors";

export function ResetPasswordScreen() {
  const { token } = useLocalSearchParams<{ token?: string }>();
  const router = useRouter();
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState(token ? "" : "This link has no token.");
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const parsed = ResetPasswordInput.safeParse({ token: token ?? "", password });
    if (!parsed.success) return setErrors(zodErrors(parsed.error));
    setErrors({});
    setBusy(true);
    try {
      await resetPassword(parsed.data.token, parsed.data.password);
      setDone(true);
    } catch (error) {
      const { fields, form } = apiErrors(error);
      setErrors(fields);
      setFormError(form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Screen>
      <Title>Choose a new password</Title>
      {done ? (
        <>
          <Notice tone="success">Password changed. Every other session was signed out.</Notice>
          <Button label="Log in" onPress={() => router.replace("/login")} />
        </>
      ) : (
        <>
          <TextField
            label="New password"
            value={password}
            onChangeText={setPassword}
            secureTextEntry
            autoComplete="new-password"
            error={errors.password}
          />
          <ErrorText>{formError}</ErrorText>
          <Button label="Set new password" onPress={submit} busy={busy} disabled={!token} />
        </>
      )}
    </Screen>
  );
}
