// What our middleware adds to every Express request.
import type { Logger } from "../logger.js";

export interface AuthInfo {
  userId: string;
  sessionId: string;
  role: "USER" | "MODERATOR" | "ADMIN";
  emailVerified: boolean;
}

declare global {
  namespace Express {
    interface Request {
      id: string;
      log: Logger;
      auth?: AuthInfo;
    }
  }
}
