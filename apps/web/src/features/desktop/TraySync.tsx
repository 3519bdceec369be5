// Keeps the desktop tray current while someone is signed in: the exact unread count and today's
// remaining agenda. Both come from queries the rest of the app already refreshes (live
// notifications, planner edits), so the tray follows them without polling of its own.
import type { LittleMonsterBridge, PlannerEvent, TrayStatus } from "@lm/core";
import { useEffect, useState } from "react";
import { useUnreadCount } from "../notifications/api/get-notifications";
import { useEvents } from "../planner/api/get-events";

const start = (e: PlannerEvent) => e.occurrenceDate ?? e.startDate;

/** Today's events not yet done, earliest first, as the tray lists them. */
export function todaysAgenda(events: PlannerEvent[]): TrayStatus["agenda"] {
  return events
    .filter((e) => !e.isCompleted)
    .sort((a, b) => Date.parse(start(a)) - Date.parse(start(b)))
    .map((e) => ({ title: e.title, startsAt: start(e) }));
}

function midnight(): Date {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  return d;
}

/** Local midnight today; re-read every minute so the agenda rolls over at midnight. */
function useToday(): Date {
  const [today, setToday] = useState(midnight);
  useEffect(() => {
    const timer = setInterval(() => {
      const now = midnight();
      setToday((prev) => (prev.getTime() === now.getTime() ? prev : now));
    }, 60_000);
    return () => clearInterval(timer);
  }, []);
  return today;
}

export function TraySync({ bridge }: { bridge: LittleMonsterBridge }) {
  const unreadCount = useUnreadCount();
  const today = useToday();
  const tomorrow = new Date(today);
  tomorrow.setDate(today.getDate() + 1);
  const { data: events } = useEvents(today, tomorrow);
  const agendaKey = JSON.stringify(todaysAgenda(events ?? []));

  useEffect(() => {
    bridge.updateTray({ unreadCount, agenda: JSON.parse(agendaKey) });
  }, [bridge, unreadCount, agendaKey]);

  // Signed out (this component unmounts): the tray must not keep showing the last account's data.
  useEffect(() => () => bridge.updateTray({ unreadCount: 0, agenda: [] }), [bridge]);
  return null;
}
