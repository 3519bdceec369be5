// The unread count's key sits under the inbox's, so whatever refreshes the inbox (a live
// notification, marking read) refreshes the bell too.
export const notificationKeys = {
  all: ["notifications"] as const,
  list: () => ["notifications", "list"] as const,
  unreadCount: () => ["notifications", "unread-count"] as const,
  /** The switches' writes: a mutation key (the settings themselves live on the signed-in user). */
  settings: () => ["notifications", "settings"] as const,
};
