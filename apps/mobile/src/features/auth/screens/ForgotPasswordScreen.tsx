// Ask for a reset link; the answer is the same whether or not the address has an account.
import { ForgotPasswordInput } from "@lm/core";
import { useState } from "react";
import { Button } from "../../../components/ui/Button";
import { ErrorText, Notice, Screen, Title } from "../../../components/ui/Screen";
import { TextField } from "../../../components/ui/TextField";
import { errorMessage } from "../../../lib/query-client";
import { forgotPassword } from "../api/forgot-password";
import { type Errors, zodErrors } from "../form-errors";

export function ForgotPasswordScreen() {
  const [email, setEmail] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState("");
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const parsed = ForgotPasswordInput.safeParse({ email: email.trim() });
    if (!parsed.success) return setErrors(zodErrors(parsed.error));
    setErrors({});
    setBusy(true);
    try {
      await forgotPassword(parsed.data.email);
      setSent(true);
    } catch (error) {
      setFormError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Screen>
      <Title>Reset your password</Title>
      {sent ? (
        <Notice tone="success">If that address has an account, a reset link is on its way.</Notice>
      ) : (
        <>
          <TextField
            label="Email"
            value={email}
            onChangeText={setEmail}
            autoCapitalize="none"
            keyboardType="email-address"
            error={errors.email}
          />
          <ErrorText>{formError}</ErrorText>
          <Button label="Send reset link" onPress={submit} busy={busy} />
        </>
      )}
    </Screen>
  );
}
