// The account e-mails. Links point at the web app's pages, which call the API.
import type { Mail } from "../mail/mailer.js";

export function verificationMail(appUrl: string, user: { email: string; display_name: string }, token: string): Mail {
  const link = `${appUrl}/verify-email?token=${encodeURIComponent(token)}`;
  return {
    to: user.email,
    subject: "Verify your Little Monster email",
    link,
    text: `Hi ${user.display_name},\n\nWelcome to Little Monster! Confirm your email address to start creating lessons:\n\n${link}\n\nThe link works for 24 hours. If you did not sign up, ignore this email.\n`,
  };
}

export function resetPasswordMail(appUrl: string, user: { email: string; display_name: string }, token: string): Mail {
  const link = `${appUrl}/reset-password?token=${encodeURIComponent(token)}`;
  return {
    to: user.email,
    subject: "Reset your Little Monster password",
    link,
    text: `Hi ${user.display_name},\n\nSomeone (hopefully you) asked to reset your password. Choose a new one here:\n\n${link}\n\nThe link works for 1 hour. Resetting signs you out everywhere. If it wasn't you, ignore this email.\n`,
  };
}
