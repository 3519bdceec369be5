// Log in with email and password; links to sign-up and password reset.
import { LoginInput } from "@lm/core";
import { Link, useRouter } from "expo-router";
import { useState } from "react";
import { Button } from "../../../components/ui/Button";
import { ErrorText, Screen, Title } from "../../../components/ui/Screen";
import { TextField } from "../../../components/ui/TextField";
import { useAuth } from "../auth-context";
import { apiErrors, type Errors, zodErrors } from "../form-errors";
import { authStyles } from "./styles";

export function LoginScreen() {
  const { signIn } = useAuth();
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState("");
  const [busy, setBusy] = useState(false);

  async function submit() {
    const parsed = LoginInput.safeParse({ email: email.trim(), password });
    if (!parsed.success) return setErrors(zodErrors(parsed.error));
    setErrors({});
    setFormError("");
    setBusy(true);
    try {
      await signIn(parsed.data);
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
      <Title>Log in</Title>
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
        autoComplete="current-password"
        error={errors.password}
        onSubmitEditing={submit}
      />
      <ErrorText>{formError}</ErrorText>
      <Button label="Log in" onPress={submit} busy={busy} />
      <Link href="/register" style={authStyles.link} accessibilityRole="link">
        No account yet? Sign up
      </Link>
      <Link href="/forgot-password" style={authStyles.link} accessibilityRole="link">
        Forgot your password?
      </Link>
    </Screen>
  );
}
