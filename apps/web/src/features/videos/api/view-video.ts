import { api } from "../../../lib/api";

const CLIENT_KEY = "lm.clientId";

/** A stable anonymous id per browser, so repeated views within 30 minutes count once. */
function clientId(): string {
  try {
    let id = localStorage.getItem(CLIENT_KEY);
    if (!id) {
      id = crypto.randomUUID();
      localStorage.setItem(CLIENT_KEY, id);
    }
    return id;
  } catch {
    return crypto.randomUUID();
  }
}

export function countView(videoId: string): void {
  api.viewVideo(videoId, clientId()).catch(() => {
    // A lost view count is not worth bothering the student about.
  });
}
