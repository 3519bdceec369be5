// Every route, each page its own lazily loaded chunk so the first load stays small.
import { usePrefetchQuery } from "@tanstack/react-query";
import { lazy } from "react";
import { Navigate, Route, Routes, useLocation, useParams } from "react-router";
import { videoQuery } from "../features/videos/api/get-video";
import { useAuth } from "../stores/auth";
import { Layout } from "./Layout";

// The feed is the landing page: it ships in the main bundle, so the first paint waits for no extra chunk.
import FeedPage from "../pages/FeedPage";
const VideoPage = lazy(() => import("../pages/VideoPage"));
const GeneratePage = lazy(() => import("../pages/GeneratePage"));
const PlannerPage = lazy(() => import("../pages/PlannerPage"));
const ReviewPage = lazy(() => import("../pages/ReviewPage"));
const NotificationsPage = lazy(() => import("../pages/NotificationsPage"));
const ProfilePage = lazy(() => import("../pages/ProfilePage"));
const SettingsPage = lazy(() => import("../pages/SettingsPage"));
const ModerationPage = lazy(() => import("../pages/ModerationPage"));
const LoginPage = lazy(() => import("../pages/LoginPage"));
const RegisterPage = lazy(() => import("../pages/RegisterPage"));
const ForgotPasswordPage = lazy(() => import("../pages/ForgotPasswordPage"));
const ResetPasswordPage = lazy(() => import("../pages/ResetPasswordPage"));
const VerifyEmailPage = lazy(() => import("../pages/VerifyEmailPage"));
const NotFoundPage = lazy(() => import("../pages/NotFoundPage"));

/** Starts the lesson's fetch while the page's chunk is still loading, instead of after it. */
function VideoRoute() {
  const { id = "" } = useParams();
  usePrefetchQuery(videoQuery(id));
  return <VideoPage />;
}

/** Pages that need a session send the visitor to log in, then back. */
function RequireAuth({ children }: { children: React.ReactNode }) {
  const signedIn = useAuth((s) => s.session !== null);
  const location = useLocation();
  if (!signedIn)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<FeedPage />} />
        <Route path="videos/:id" element={<VideoRoute />} />
        <Route
          path="generate"
          element={
            <RequireAuth>
              <GeneratePage />
            </RequireAuth>
          }
        />
        <Route
          path="planner"
          element={
            <RequireAuth>
              <PlannerPage />
            </RequireAuth>
          }
        />
        <Route
          path="review"
          element={
            <RequireAuth>
              <ReviewPage />
            </RequireAuth>
          }
        />
        <Route
          path="notifications"
          element={
            <RequireAuth>
              <NotificationsPage />
            </RequireAuth>
          }
        />
        <Route
          path="profile"
          element={
            <RequireAuth>
              <ProfilePage />
            </RequireAuth>
          }
        />
        <Route
          path="settings"
          element={
            <RequireAuth>
              <SettingsPage />
            </RequireAuth>
          }
        />
        <Route
          path="moderation"
          element={
            <RequireAuth>
              <ModerationPage />
            </RequireAuth>
          }
        />
        <Route path="login" element={<LoginPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="verify-email" element={<VerifyEmailPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
