// Inside the desktop app (window.littleMonster present): reminders become OS notifications, deep
// links and menu shortcuts navigate, and the tray shows the unread count. Elsewhere it renders nothing.
import type { DeepLink, NavigationTarget } from "@lm/core";
import { useEffect } from "react";
import { useNavigate } from "react-router";
import { useChannel } from "../../lib/realtime";
import { useAuth } from "../../stores/auth";
import { TraySync } from "./TraySync";

const ROUTES: Record<NavigationTarget, string> = { feed: "/", generate: "/generate", planner: "/planner" };

export function linkToPath(link: DeepLink): string {
  return link.kind === "video" ? `/videos/${link.id}` : `/verify-email?token=${encodeURIComponent(link.token)}`;
}

export function DesktopBridge() {
  const bridge = typeof window !== "undefined" ? window.littleMonster : undefined;
  const navigate = useNavigate();
  const userId = useAuth((s) => s.user?.id ?? null);

  useEffect(() => {
    if (!bridge) return;
    const offLinks = bridge.onDeepLink((link) => navigate(linkToPath(link)));
    const offNav = bridge.onNavigate((target) => navigate(ROUTES[target]));
    return () => {
      offLinks();
      offNav();
    };
  }, [bridge, navigate]);

  useChannel(bridge && userId ? `user:${userId}` : null, (e) => {
    if (!bridge || e.event !== "notification.created") return;
    const n = e.data;
    if (n.kind === "reminder" && n.title) {
      const eventId = typeof n.data.eventId === "string" ? n.data.eventId : undefined;
      void bridge.notify({ title: n.title, body: n.body, eventId });
    }
  });
  return bridge && userId ? <TraySync key={userId} bridge={bridge} /> : null;
}
