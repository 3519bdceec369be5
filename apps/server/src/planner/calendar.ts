// Calendar sync: the secret subscription feed (token per user, rotatable) and .ics import.
import { createHash, createHmac } from "node:crypto";
import { dueForecast } from "../cards/index.js";
import type { Db, Queryable } from "../db/index.js";
import { one } from "../db/index.js";
import { AppError, notFound } from "../http/errors.js";
import { type ExportableEvent, toICalendar } from "./domain/ics-export.js";
import { classifyEvent } from "./domain/classify.js";
import {
  EXPANSION_LIMITS,
  ExpansionBudget,
  ExpansionLimitError,
  type ExpansionMeter,
} from "./domain/expansion-budget.js";
import { IcsImportError, type ImportedEvent, parseICalendarSteps } from "./domain/ics-import.js";
import { wallToInstant } from "./domain/tz.js";
import { occurrenceStream, parseRRule } from "./domain/recurrence.js";
import { expansionProblem } from "./expansion-errors.js";
import type { Reminders } from "./reminders.js";
import { zoneOf } from "./reminders.js";
import * as repo from "./repository.js";
import type { EventValues } from "./repository.js";
import { valuesOf, withSeriesEnd } from "./service.js";
import { Slicer } from "./yield-loop.js";
import { randomToken, sha256 } from "../auth/index.js";

// Token storage lives in the private auth schema, which only the server's own role can read.
const tokenRow = (tx: Queryable, userId: string) =>
  one<{ salt: string | null; token_hash: string }>(
    tx,
    "select salt, token_hash from auth.calendar_tokens where user_id = $1 for update",
    [userId],
  );

/** The calendar feed carries the cards due on each of the next this many days. */
const REVIEW_DAYS = 30;

/** "Review N cards" as an all-day entry on its local day; the UID stays the same for that day. */
function reviewDay(d: { date: string; due: number }, tz: string, now: Date, appUrl: string): ExportableEvent {
  const [y, m, day] = d.date.split("-").map(Number);
  const noon = wallToInstant(Date.UTC(y, m - 1, day, 12), tz);
  return {
    id: `reviews-${d.date}`,
    title: `Review ${d.due} card${d.due === 1 ? "" : "s"}`,
    description: `Cards due for review in Little Monster: ${appUrl}/review`,
    subject: null,
    type: "STUDY_SESSION",
    startDate: noon,
    endDate: null,
    allDay: true,
    isCompleted: false,
    reminders: [],
    rrule: null,
    updatedAt: now,
    createdAt: now,
  };
}

export class CalendarService {
  /**
   * @param key server secret for deriving feed tokens: token = HMAC(key, salt). The database
   *   keeps the salt and sha256(token), so a copy of it cannot be used to read anyone's feed.
   */
  constructor(
    private readonly db: Db,
    private readonly reminders: Reminders,
    private readonly key: Buffer,
    private readonly appUrl: string,
  ) {}

  private tokenFor(salt: string) {
    return createHmac("sha256", this.key).update(salt).digest("base64url");
  }

  private url(token: string) {
    return `${this.appUrl}/api/v1/planner/calendar/${token}.ics`;
  }

  /** The user's feed URL: created on first use, the same on later calls until rotated. */
  async feedUrl(userId: string): Promise<{ url: string }> {
    return this.db.transaction(async (tx) => {
      const row = await tokenRow(tx, userId);
      if (row?.salt) {
        const token = this.tokenFor(row.salt);
        // Still valid unless the server secret changed since; then a new URL is the only way.
        if (sha256(token) === row.token_hash) return { url: this.url(token) };
      }
      return { url: this.url(await this.store(tx, userId)) };
    });
  }

  /** A new URL; the old one stops working at once. */
  async rotate(userId: string): Promise<{ url: string }> {
    return this.db.transaction(async (tx) => ({ url: this.url(await this.store(tx, userId)) }));
  }

  private async store(tx: Queryable, userId: string): Promise<string> {
    const salt = randomToken();
    const token = this.tokenFor(salt);
    await tx.query(
      `insert into auth.calendar_tokens (user_id, token_hash, salt) values ($1, $2, $3)
       on conflict (user_id) do update set token_hash = excluded.token_hash, salt = excluded.salt, created_at = now()`,
      [userId, sha256(token), salt],
    );
    return token;
  }

  /** The .ics body for a feed token, or 404 (unknown, rotated or malformed alike). */
  async feed(token: string): Promise<string> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw notFound("Calendar");
    const owner = await one<{ user_id: string }>(
      this.db,
      "select user_id from auth.calendar_tokens where token_hash = $1",
      [sha256(token)],
    );
    if (!owner) throw notFound("Calendar");
    const userId = owner.user_id;
    const now = new Date();
    const { rows, tz, forecast } = await this.db.withUser({ userId }, async (tx) => {
      const tz = zoneOf({ time_zone: null }, (await repo.ownerSettings(tx, userId))?.time_zone);
      return {
        rows: await repo.listAll(tx, userId),
        tz,
        forecast: await dueForecast(tx, userId, tz, now, REVIEW_DAYS),
      };
    });
    return toICalendar(
      [
        ...rows.map((r) => ({
          ...valuesOf(r),
          id: r.id,
          updatedAt: r.updated_at,
          createdAt: r.created_at,
          timeZone: r.time_zone,
        })),
        ...forecast.days.map((d) => reviewDay(d, tz, now, this.appUrl)),
      ],
      { calendarName: "Little Monster planner", timeZone: tz },
    );
  }

  /**
   * Imports every VEVENT in one transaction, or none (400 saying why). Same UID → updated.
   * The file is checked before the transaction opens, pausing between events, and refused when
   * it describes more occurrences than an import may (a file of COUNT=5000 rules is a bomb).
   */
  async importIcs(userId: string, text: string): Promise<{ imported: number }> {
    const ownerZone = await this.db.withUser(
      { userId },
      async (tx) => (await repo.ownerSettings(tx, userId))?.time_zone ?? null,
    );
    const tz = zoneOf({ time_zone: null }, ownerZone);
    const slicer = new Slicer();
    let events: ImportedEvent[];
    try {
      events = await slicer.drive(parseICalendarSteps(text, { defaultTimeZone: tz }));
    } catch (err) {
      if (err instanceof IcsImportError) throw invalidCalendar(err.message);
      if (err instanceof ExpansionLimitError) throw expansionProblem(err, "(body)", "split the calendar");
      throw err;
    }
    // One row per UID (the last wins), so the upsert never touches a row twice.
    const byUid = new Map<string, ImportedEvent>();
    for (const e of events) byUid.set(uidOf(e), e);
    const budget = new ExpansionBudget();
    const count = new ImportCount();
    const values: EventValues[] = [];
    let n = 0;
    for (const [uid, e] of byUid) {
      n++;
      const describe = `event ${n} (UID ${uid})`;
      const meter = budget.series();
      try {
        await count.add(e, e.timeZone ?? tz, meter, slicer);
        values.push(await this.valuesOf(uid, e, e.timeZone ?? tz, meter, slicer));
      } catch (err) {
        // Name the event: a calendar file has no field names to point at.
        if (err instanceof AppError && err.code === "validation_error")
          throw invalidCalendar(`${describe}: ${err.detail}`);
        if (err instanceof AppError && err.code === "expansion_limit") {
          throw new AppError("expansion_limit", `${describe}: ${err.detail}`, {
            errors: [{ path: "(body)", message: `${describe}: ${err.detail}` }],
          });
        }
        throw err;
      }
    }
    if (values.length === 0) return { imported: 0 };
    return this.db.withUser({ userId }, async (tx) => {
      const rows = await repo.upsertImported(tx, userId, values);
      await this.reminders.schedule(tx, userId, rows, (row) => zoneOf(row, ownerZone));
      return { imported: rows.length };
    });
  }

  private valuesOf(uid: string, e: ImportedEvent, tz: string, meter: ExpansionMeter, slicer: Slicer) {
    return withSeriesEnd(
      {
        title: e.title,
        description: e.description,
        ...classifyEvent(e),
        startDate: e.startDate,
        endDate: e.endDate,
        allDay: e.allDay,
        isCompleted: false,
        reminders: e.reminders,
        rrule: e.rrule,
        completedOccurrences: [],
        exdates: e.exdates,
        linkedEventId: null,
        icalUid: uid,
        timeZone: e.timeZone,
      },
      tz,
      meter,
      slicer,
    );
  }
}

const invalidCalendar = (message: string) =>
  new AppError("validation_error", `Invalid calendar: ${message}`, { errors: [{ path: "(body)", message }] });

/**
 * The occurrences an import describes, against EXPANSION_LIMITS.maxImportOccurrences. A COUNT
 * rule counts its COUNT (known without walking); any other series counts its first year, which
 * is what it adds to every later year's list.
 */
class ImportCount {
  private total = 0;

  async add(e: ImportedEvent, tz: string, meter: ExpansionMeter, slicer: Slicer) {
    const rule = e.rrule ? parseRRule(e.rrule) : null;
    if (!rule) return this.charge(1);
    if (rule.count !== null) return this.charge(rule.count);
    const year = { from: e.startDate, to: new Date(e.startDate.getTime() + 366 * 86_400_000) };
    const stream = occurrenceStream({ ...e, timeZone: tz }, year, meter);
    for (const _ of stream) {
      this.charge(1);
      await slicer.pause();
    }
  }

  private charge(n: number) {
    this.total += n;
    const max = EXPANSION_LIMITS.maxImportOccurrences;
    if (this.total > max) {
      throw expansionProblem(
        new ExpansionLimitError("maxImportOccurrences", max),
        "(body)",
        "split the calendar and import it in parts",
      );
    }
  }
}

/** A file's UID, or a content hash for events without one, so re-imports still match. */
function uidOf(e: ImportedEvent): string {
  if (e.uid) return e.uid.trim();
  const content = [e.title, e.startDate.toISOString(), e.endDate?.toISOString() ?? "", e.rrule ?? ""].join("|");
  return `sha256:${createHash("sha256").update(content).digest("hex")}`;
}
