// Outgoing mail: SMTP when SMTP_URL is set, else .eml files in $DATA_DIR/outbox plus a log line.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import nodemailer from "nodemailer";
import type { Logger } from "../logger.js";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** The action link in the mail; logged in embedded mode so a developer can click it. */
  link?: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

export function createMailer(opts: { smtpUrl?: string; from: string; outboxDir: string | null; log: Logger }): Mailer {
  if (opts.smtpUrl) {
    const transport = nodemailer.createTransport(opts.smtpUrl);
    return {
      async send(mail) {
        await transport.sendMail({
          from: opts.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
        });
        opts.log.info({ to: mail.to, subject: mail.subject }, "mail sent");
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from: opts.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      });
      if (opts.outboxDir) {
        mkdirSync(opts.outboxDir, { recursive: true });
        const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${info.messageId.replace(/[^A-Za-z0-9]/g, "").slice(0, 16)}.eml`;
        writeFileSync(join(opts.outboxDir, name), info.message as Buffer);
      }
      // The link is the point of the log line in embedded mode; it is not a credential once used.
      opts.log.info({ to: mail.to, subject: mail.subject, link: mail.link }, "mail written to outbox");
    },
  };
}
