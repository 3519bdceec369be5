// Sign up: the account starts unverified; the email carries a link back into the app.
import { RegisterInput } from "@lm/core";
import { Link, useRouter } from "expo-router";
import { useState } from "react";
import { Button } from "../../../components/ui/Button";
import { ErrorText, Muted, Screen, Title } from "../../../components/ui/Screen";
import { TextField } from "../../../components/ui/TextField";
import { useAuth } from "../auth-context";
import { apiErrors, type Errors, zodErrors } from "../form-errors";
import { authStyles } from "./styles";

export function RegisterScreen() {
  const { register } = useAuth();
  const router = useRouter();
  const [displayName, setDisplayName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState("");
  const [busy, setBusy] = useState(false);

  async function submit() {
    const parsed = RegisterInput.safeParse({ email: email.trim(), password, displayName });
    if (!parsed.success) return setErrors(zodErrors(parsed.error));
    setErrors({});
    setFormError("");
    setBusy(true);
    try {
      await register(parsed.data);
      router.replace("/");
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
      <Title>Create your account</Title>
      <Muted>We will email you a link to verify your address.</Muted>
      <TextField label="Display name" value={displayName} onChangeText={setDisplayName} error={errors.displayName} />
      <TextField
        label="Email"
        value={email}
        onChangeText={setEmail}
        autoCapitalize="none"
        keyboardType="email-address"
        autoComplete="email"
        error={errors.email}
      />
      <TextField
        label="Password"
        value={password}
        onChangeText={setPassword}
        secureTextEntry
        autoComplete="new-password"
        error={errors.password}
      />
      <ErrorText>{formError}</ErrorText>
      <Button label="Sign up" onPress={submit} busy={busy} />
      <Link href="/login" style={authStyles.link} accessibilityRole="link">
        Already have an account? Log in
      </Link>
    </Screen>
  );
}
