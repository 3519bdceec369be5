import { useEffect, useState } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { AuthCard } from "../features/auth/components/AuthCard";
import { LoginForm } from "../features/auth/components/LoginForm";
import { useDocumentTitle } from "../lib/hooks";
import { useAuth } from "../stores/auth";

export function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export default function LoginPage() {
  useDocumentTitle("Log in");
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // Keep the "why you were signed out" message for this visit, then clear it from the store.
  const [ended] = useState(() => useAuth.getState().endedMessage);
  useEffect(() => {
    useAuth.getState().clearEndedMessage();
  }, []);
  const signedIn = useAuth((s) => s.session !== null);
  const [arrivedSignedIn] = useState(signedIn);
  // Already signed in when arriving here: nothing to do on this page.
  if (arrivedSignedIn && signedIn) return <Navigate to={safeNext(params.get("next"))} replace />;
  return (
    <AuthCard
      title="Welcome back"
      subtitle="Log in to generate lessons, rate, comment and plan your study."
      footer={
        <>
          New here?{" "}
          <Link to="/register" className="font-medium text-brand hover:underline">
            Create an account
          </Link>
        </>
      }
    >
      {ended && (
        <p role="alert" className="mb-4 rounded-lg border border-warn/40 bg-warn/10 px-3 py-2 text-sm text-fg">
          {ended}
        </p>
      )}
      <LoginForm onSuccess={() => navigate(safeNext(params.get("next")), { replace: true })} />
    </AuthCard>
  );
}
