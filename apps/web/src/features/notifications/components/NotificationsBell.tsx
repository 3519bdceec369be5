import { Link } from "react-router";
import { Icon } from "../../../components/ui/Icon";
import { useUnreadCount } from "../api/get-notifications";

export function NotificationsBell() {
  const count = useUnreadCount();
  // The badge stays two characters wide; the accessible name keeps the exact number.
  const shown = count > 99 ? "99+" : String(count);
  const label = count > 0 ? `Notifications, ${count} unread` : "Notifications";
  return (
    <Link to="/notifications" aria-label={label} className="relative rounded-lg p-2 text-fg hover:bg-raised">
      <Icon name="bell" />
      {count > 0 && (
        <span
          aria-hidden="true"
          className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-danger px-1 text-center text-[11px] leading-5 font-bold text-white dark:text-[#1f0a0a]"
        >
          {shown}
        </span>
      )}
    </Link>
  );
}
