import { Link, useNavigate } from "react-router";
import { AuthCard } from "../features/auth/components/AuthCard";
import { RegisterForm } from "../features/auth/components/RegisterForm";
import { useDocumentTitle } from "../lib/hooks";
import { toast } from "../stores/toast";

export default function RegisterPage() {
  useDocumentTitle("Create an account");
  const navigate = useNavigate();
  return (
    <AuthCard
      title="Create your account"
      subtitle="Free, and it takes a minute. We'll email you a link to verify your address."
      footer={
        <>
          Already have an account?{" "}
          <Link to="/login" className="font-medium text-brand hover:underline">
            Log in
          </Link>
        </>
      }
    >
      <RegisterForm
        onSuccess={() => {
          toast.success("Welcome! Check your inbox for the link to verify your email.");
          navigate("/", { replace: true });
        }}
      />
    </AuthCard>
  );
}
