// The account menu: a disclosure (button + links), closed by Escape or a click elsewhere.
import { useEffect, useId, useRef, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { Icon } from "../components/ui/Icon";
import { Avatar } from "../components/ui/Misc";
import { useSignOut } from "../features/auth/api/logout";
import { type Theme, useTheme } from "../lib/theme";
import { selectIsModerator, useAuth } from "../stores/auth";

const systemIsDark = () => typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;

/**
 * The first click from "system" always changes what you see (to the opposite of the system's
 * look), then the other look, then back to following the system.
 */
function nextTheme(theme: Theme): Theme {
  const opposite = systemIsDark() ? "light" : "dark";
  if (theme === "system") return opposite;
  if (theme === opposite) return opposite === "dark" ? "light" : "dark";
  return "system";
}
const THEME_LABEL: Record<Theme, string> = { system: "System theme", light: "Light theme", dark: "Dark theme" };

export function ThemeToggle() {
  const { theme, setTheme } = useTheme();
  const next = nextTheme(theme);
  return (
    <button
      type="button"
      onClick={() => setTheme(next)}
      className="rounded-lg p-2 text-fg hover:bg-raised"
      aria-label={`${THEME_LABEL[theme]} (switch to ${THEME_LABEL[next].toLowerCase()})`}
      title={THEME_LABEL[theme]}
    >
      <Icon name={theme === "dark" ? "moon" : "sun"} />
    </button>
  );
}

export function UserMenu() {
  const user = useAuth((s) => s.user);
  const isModerator = useAuth(selectIsModerator);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const navigate = useNavigate();
  const { signOut } = useSignOut(navigate);
  const { pathname } = useLocation();

  // Following a link closes the menu.
  useEffect(() => {
    if (pathname) setOpen(false);
  }, [pathname]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  if (!user) return null;
  const item = "flex w-full items-center gap-2 rounded-lg px-3 py-2 text-left text-sm text-fg hover:bg-raised";
  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-2 rounded-full p-0.5 hover:bg-raised"
      >
        <Avatar name={user.displayName} color={user.avatarColor} size="sm" />
        <span className="sr-only">Account menu, {user.displayName}</span>
      </button>
      {open && (
        <div
          id={menuId}
          className="absolute right-0 z-40 mt-2 w-56 rounded-xl border border-line bg-surface p-1.5 shadow-lg"
        >
          <p className="truncate px-3 py-2 text-sm font-semibold text-fg">{user.displayName}</p>
          <ul className="flex flex-col">
            <li>
              <Link to="/profile" className={item}>
                <Icon name="user" className="size-4" /> Profile
              </Link>
            </li>
            <li>
              <Link to="/settings" className={item}>
                <Icon name="settings" className="size-4" /> Settings
              </Link>
            </li>
            {isModerator && (
              <li>
                <Link to="/moderation" className={item}>
                  <Icon name="shield" className="size-4" /> Moderation
                </Link>
              </li>
            )}
            <li>
              <button type="button" className={item} onClick={() => void signOut()}>
                Sign out
              </button>
            </li>
          </ul>
        </div>
      )}
    </div>
  );
}
