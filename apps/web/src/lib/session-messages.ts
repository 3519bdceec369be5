// Plain-words reasons for a session that ended on its own, shown on the log-in page.
export function sessionEndedMessage(code: string): string {
  switch (code) {
    case "refresh_token_reused":
      return "For your safety we signed you out: your session was used from somewhere else. Please log in again.";
    case "invalid_refresh_token":
      return "Your session has ended (it expired or you signed out elsewhere). Please log in again.";
    default:
      return "Your session has ended. Please log in again.";
  }
}
