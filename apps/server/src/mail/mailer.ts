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
  /** The action link in the mail (a live credential until used: never logged). */
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
      if (!opts.outboxDir) {
        opts.log.info({ to: mail.to, subject: mail.subject }, "mail dropped (no outbox directory)");
        return;
      }
      mkdirSync(opts.outboxDir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${info.messageId.replace(/[^A-Za-z0-9]/g, "").slice(0, 16)}.eml`;
      const file = join(opts.outboxDir, name);
      writeFileSync(file, info.message as Buffer);
      // Never the link: until it is used it signs in as (or resets the password of) the recipient,
      // and logs travel further than the outbox. The file is where a developer finds it.
      opts.log.info({ to: mail.to, subject: mail.subject, file }, "mail written to outbox");
    },
  };
}
