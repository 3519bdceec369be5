// Opened from littlemonster://verify-email?token=… (or the https link): verifies and says so.
import { useLocalSearchParams, useRouter } from "expo-router";
import { useEffect, useRef, useState } from "react";
import { Button } from "../../../components/ui/Button";
import { ErrorText, Loading, Notice, Screen, Title } from "../../../components/ui/Screen";
import { ApiError } from "@lm/core";
import { errorMessage } from "../../../lib/query-client";
import { verifyEmail } from "../api/verify-email";
import { useAuth } from "../auth-context";

export function VerifyEmailScreen() {
  const { token } = useLocalSearchParams<{ token?: string }>();
  const { user, setUser } = useAuth();
  const router = useRouter();
  const [state, setState] = useState<"working" | "done" | "already" | "failed">(token ? "working" : "failed");
  const [error, setError] = useState(token ? "" : "This link has no token.");
  const started = useRef(false);

  useEffect(() => {
    // Tokens are single-use: never send one twice, even if the effect runs again.
    if (!token || started.current) return;
    started.current = true;
    verifyEmail(String(token))
      .then((res) => {
        if (user && res.user.id === user.id) setUser(res.user);
        setState("done");
      })
      .catch((e) => {
        // Opened before (a second tap, a mail scanner): the address is verified already.
        if (e instanceof ApiError && e.code === "invalid_token" && e.reason === "already_verified")
          return setState("already");
        setError(errorMessage(e));
        setState("failed");
      });
  }, [token, user, setUser]);

  return (
    <Screen>
      <Title>Verify email</Title>
      {state === "working" ? <Loading label="Verifying your email" /> : null}
      {state === "done" ? <Notice tone="success">Your email is verified. You can now create lessons.</Notice> : null}
      {state === "already" ? (
        <Notice tone="success">
          This email address is already verified. {user ? "You're all set." : "Log in to continue."}
        </Notice>
      ) : null}
      {state === "failed" ? <ErrorText>{error || "This link is invalid or has expired."}</ErrorText> : null}
      {state === "already" && !user ? (
        <Button label="Log in" onPress={() => router.replace("/login")} />
      ) : (
        <Button label="Continue" variant="secondary" onPress={() => router.replace("/")} />
      )}
    </Screen>
  );
}
