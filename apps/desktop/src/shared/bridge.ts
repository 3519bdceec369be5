// The desktop bridge's types live in @lm/core so the web app and this shell share one definition.
export type { DeepLink, LittleMonsterBridge, NavigationTarget, ReminderNotice, TrayStatus } from "@lm/core";
