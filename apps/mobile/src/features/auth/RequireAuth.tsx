// Shows its children to signed-in users and a sign-in prompt to everyone else.
import { useRouter } from "expo-router";
import type { ReactNode } from "react";
import { Button } from "../../components/ui/Button";
import { Loading, Muted, Screen, Title } from "../../components/ui/Screen";
import { useAuth } from "./auth-context";

export function RequireAuth({ children, title }: { children: ReactNode; title: string }) {
  const { status } = useAuth();
  const router = useRouter();
  if (status === "loading") return <Loading label="Restoring your session" />;
  if (status === "signedIn") return <>{children}</>;
  return (
    <Screen>
      <Title>{title}</Title>
      <Muted>Log in or create an account to use this.</Muted>
      <Button label="Log in" onPress={() => router.push("/login")} />
      <Button label="Sign up" variant="ghost" onPress={() => router.push("/register")} />
    </Screen>
  );
}
