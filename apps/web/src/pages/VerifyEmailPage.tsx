import { useEffect, useRef } from "react";
import { useSearchParams } from "react-router";
import { Button, ButtonLink, Spinner } from "../components/ui/Button";
import { toastResendOutcome, useResendVerification } from "../features/auth/api/resend-verification";
import { useVerifyEmail } from "../features/auth/api/verify-email";
import { AuthCard } from "../features/auth/components/AuthCard";
import { errorMessage, isApiError } from "../lib/errors";
import { useDocumentTitle } from "../lib/hooks";
import { useAuth } from "../stores/auth";
import { toast } from "../stores/toast";

export default function VerifyEmailPage() {
  useDocumentTitle("Verify your email");
  const [params] = useSearchParams();
  const token = params.get("token");
  const verify = useVerifyEmail();
  const resend = useResendVerification();
  const signedIn = useAuth((s) => s.session !== null);
  const started = useRef(false);

  useEffect(() => {
    if (!token || started.current) return;
    started.current = true; // once, even under StrictMode's double effects: tokens work once
    verify.mutate(token);
  }, [token, verify]);

  const resendButton = signedIn ? (
    <Button
      variant="secondary"
      loading={resend.isPending}
      onClick={() =>
        resend.mutate(undefined, {
          onSuccess: toastResendOutcome,
          onError: (e) => toast.error(errorMessage(e)),
        })
      }
    >
      Resend verification email
    </Button>
  ) : (
    <ButtonLink to="/login?next=/settings" variant="secondary">
      Log in to resend the email
    </ButtonLink>
  );

  return (
    <AuthCard title="Verify your email">
      {!token ? (
        <div className="flex flex-col gap-4 text-sm text-fg">
          <p>Open the link from the email we sent you. It works for 24 hours.</p>
          {resendButton}
        </div>
      ) : verify.isSuccess ? (
        <div className="flex flex-col gap-4">
          <p role="status" className="rounded-lg bg-success/10 px-3 py-3 text-sm text-fg">
            Your email is verified. You can now generate lessons, rate and comment.
          </p>
          <ButtonLink to={signedIn ? "/generate" : "/login"}>
            {signedIn ? "Create your first lesson" : "Log in"}
          </ButtonLink>
        </div>
      ) : isApiError(verify.error, "invalid_token") && verify.error.reason === "already_verified" ? (
        // The link was used before (a second click, a mail scanner): the address is verified.
        <div className="flex flex-col gap-4">
          <p role="status" className="rounded-lg bg-success/10 px-3 py-3 text-sm text-fg">
            This email address is already verified. {signedIn ? "You're all set." : "Log in to continue."}
          </p>
          <ButtonLink to={signedIn ? "/" : "/login"}>{signedIn ? "Go to the feed" : "Log in"}</ButtonLink>
        </div>
      ) : verify.isError ? (
        <div className="flex flex-col gap-4">
          <p role="alert" className="rounded-lg bg-danger/10 px-3 py-3 text-sm text-fg">
            {errorMessage(verify.error)}
          </p>
          {resendButton}
        </div>
      ) : (
        <p className="flex items-center gap-2 text-sm text-muted">
          <Spinner /> Checking your link…
        </p>
      )}
    </AuthCard>
  );
}
