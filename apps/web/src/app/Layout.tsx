// The app shell: header with navigation, notifications and the account menu; banners for
// offline and unverified email; the page; a bottom tab bar on phones.
import { Suspense, useEffect } from "react";
import { NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { Button, ButtonLink, Spinner } from "../components/ui/Button";
import { Icon, type IconName } from "../components/ui/Icon";
import { PageErrorBoundary } from "../components/ui/PageErrorBoundary";
import { useMe } from "../features/auth/api/get-me";
import { toastResendOutcome, useResendVerification } from "../features/auth/api/resend-verification";
import { DueBadge } from "../features/cards/components/DueBadge";
import { DesktopBridge } from "../features/desktop/DesktopBridge";
import { LiveUserChannel } from "../features/notifications/components/LiveUserChannel";
import { TimeZoneBanner } from "../features/users/components/TimeZoneBanner";
import { NotificationsBell } from "../features/notifications/components/NotificationsBell";
import { errorMessage } from "../lib/errors";
import { useOnline } from "../lib/hooks";
import { useAuth } from "../stores/auth";
import { toast } from "../stores/toast";
import { ThemeToggle, UserMenu } from "./UserMenu";

const NAV: { to: string; label: string; icon: IconName }[] = [
  { to: "/", label: "Feed", icon: "home" },
  { to: "/generate", label: "Generate", icon: "sparkles" },
  { to: "/planner", label: "Planner", icon: "calendar" },
  { to: "/review", label: "Review", icon: "check" },
];

function SessionWatcher() {
  // A session that ends by itself (revoked, reused) sends the student to log in, with the reason.
  const ended = useAuth((s) => s.endedMessage !== null && s.session === null);
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => {
    if (ended && location.pathname !== "/login") navigate(`/login?next=${encodeURIComponent(location.pathname)}`);
  }, [ended, navigate, location.pathname]);
  return null;
}

function VerifyBanner() {
  const user = useAuth((s) => s.user);
  const resend = useResendVerification();
  if (!user || user.emailVerified) return null;
  return (
    <div className="border-b border-warn/30 bg-warn/10">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm text-fg">
        <p>Verify your email to create lessons, rate and comment. Check your inbox for the link.</p>
        <Button
          size="sm"
          variant="secondary"
          loading={resend.isPending}
          onClick={() =>
            resend.mutate(undefined, {
              onSuccess: toastResendOutcome,
              onError: (e) => toast.error(errorMessage(e)),
            })
          }
        >
          Resend email
        </Button>
      </div>
    </div>
  );
}

function OfflineBanner() {
  const online = useOnline();
  if (online) return null;
  return (
    <div role="status" className="bg-fg text-bg">
      <p className="mx-auto flex max-w-6xl items-center gap-2 px-4 py-2 text-sm">
        <Icon name="offline" className="size-4" /> You're offline. Showing what was saved; changes need a connection.
      </p>
    </div>
  );
}

const navClass = ({ isActive }: { isActive: boolean }) =>
  `flex items-center gap-2 rounded-lg px-3 py-2 text-sm font-medium ${isActive ? "bg-brand-soft text-fg" : "text-muted hover:bg-raised hover:text-fg"}`;

export function Layout() {
  const signedIn = useAuth((s) => s.session !== null);
  const location = useLocation();
  useMe();
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-lg focus:bg-surface focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <SessionWatcher />
      {signedIn && <LiveUserChannel />}
      <DesktopBridge />
      <header className="sticky top-0 z-30 border-b border-line bg-surface/95 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4">
          <NavLink to="/" className="flex items-center gap-2 font-bold text-fg" aria-label="Little Monster home">
            <img src="/icon.svg" alt="" width={32} height={32} className="size-8" />
            <span className="text-sm whitespace-nowrap sm:text-base">Little Monster</span>
          </NavLink>
          <nav aria-label="Main" className="ml-4 hidden gap-1 md:flex">
            {NAV.map((n) => (
              <NavLink key={n.to} to={n.to} end={n.to === "/"} className={navClass}>
                <Icon name={n.icon} className="size-4" /> {n.label}
                {signedIn && n.to === "/review" && <DueBadge />}
              </NavLink>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-1">
            <ThemeToggle />
            {signedIn ? (
              <>
                <NotificationsBell />
                <UserMenu />
              </>
            ) : (
              <>
                <ButtonLink to="/login" variant="ghost" size="sm">
                  Log in
                </ButtonLink>
                <ButtonLink to="/register" size="sm">
                  Sign up
                </ButtonLink>
              </>
            )}
          </div>
        </div>
      </header>
      <OfflineBanner />
      <VerifyBanner />
      <TimeZoneBanner />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 pt-6 pb-24 md:pb-12">
        <PageErrorBoundary key={location.pathname}>
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </PageErrorBoundary>
      </main>
      <nav aria-label="Main" className="fixed inset-x-0 bottom-0 z-30 border-t border-line bg-surface md:hidden">
        <div className="mx-auto grid max-w-md grid-cols-4">
          {NAV.map((n) => (
            <NavLink
              key={n.to}
              to={n.to}
              end={n.to === "/"}
              className={({ isActive }) =>
                `flex flex-col items-center gap-0.5 py-2 text-xs font-medium ${isActive ? "text-brand" : "text-muted"}`
              }
            >
              <span className="relative">
                <Icon name={n.icon} />
                {signedIn && n.to === "/review" && (
                  <span className="absolute -top-1.5 left-3.5">
                    <DueBadge />
                  </span>
                )}
              </span>
              {n.label}
            </NavLink>
          ))}
        </div>
      </nav>
    </div>
  );
}

export function PageSpinner() {
  return (
    <div className="flex justify-center py-20 text-muted">
      <Spinner label="Loading" />
    </div>
  );
}
