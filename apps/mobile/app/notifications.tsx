// The in-app inbox, opened from the bell in the tab headers.
export { NotificationsScreen as default } from "../src/features/notifications/NotificationsScreen";
