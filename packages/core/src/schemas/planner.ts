import { z } from "zod";
import { EventType, Subject } from "../enums.js";
import { Id, Timestamp } from "./common.js";

export const Reminders = z.array(z.number().int().min(0).max(40_320)).max(5);
/** RFC 5545 RRULE value (without the "RRULE:" prefix), e.g. FREQ=WEEKLY;BYDAY=MO,WE. */
export const RRule = z
  .string()
  .max(500)
  .regex(/^FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(;[A-Z]+=[A-Za-z0-9,:+-]+)*$/, "Not an RRULE like FREQ=WEEKLY;BYDAY=MO");

export const PlannerEvent = z.object({
  id: Id,
  title: z.string(),
  description: z.string().nullable(),
  subject: Subject.nullable(),
  type: EventType,
  startDate: Timestamp,
  endDate: Timestamp.nullable(),
  isCompleted: z.boolean(),
  reminders: z.array(z.number().int()),
  rrule: z.string().nullable().optional(),
  /** Set on expanded occurrences of a recurring event: the occurrence's own start. */
  occurrenceDate: Timestamp.optional(),
  linkedEventId: Id.nullable().optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type PlannerEvent = z.infer<typeof PlannerEvent>;

const eventFields = {
  title: z.string().trim().min(1).max(200),
  description: z.string().max(5000).nullable().optional(),
  subject: Subject.nullable().optional(),
  type: EventType,
  startDate: Timestamp,
  endDate: Timestamp.nullable().optional(),
  isCompleted: z.boolean().optional(),
  reminders: Reminders.optional(),
  rrule: RRule.nullable().optional(),
  linkedEventId: Id.nullable().optional(),
};

const endAfterStart = (e: { startDate?: string; endDate?: string | null }) =>
  !e.startDate || !e.endDate || Date.parse(e.endDate) >= Date.parse(e.startDate);

export const PlannerEventCreateInput = z
  .strictObject(eventFields)
  .refine(endAfterStart, { path: ["endDate"], message: "endDate must not be before startDate" });
export type PlannerEventCreateInput = z.input<typeof PlannerEventCreateInput>;

export const PlannerEventUpdateInput = z
  .strictObject({
    ...eventFields,
    type: EventType.optional(),
    title: eventFields.title.optional(),
    startDate: Timestamp.optional(),
    /** Marks one occurrence of a recurring event complete (with isCompleted). */
    occurrenceDate: Timestamp.optional(),
  })
  .refine(endAfterStart, { path: ["endDate"], message: "endDate must not be before startDate" });
export type PlannerEventUpdateInput = z.input<typeof PlannerEventUpdateInput>;

const boolString = z.enum(["true", "false"]).transform((v) => v === "true");
export const PlannerEventQuery = z
  .object({
    from: Timestamp.optional(),
    to: Timestamp.optional(),
    subject: Subject.optional(),
    type: EventType.optional(),
    completed: boolString.optional(),
    /** Opt-in paging (the list predates it): without `limit` every match comes at once, up to a cap. */
    limit: z.coerce.number().int().min(1).max(100).optional(),
    cursor: z.string().max(200).optional(),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) >= Date.parse(q.from), {
    path: ["to"],
    message: "to must not be before from",
  });

export const StudyPlanInput = z.strictObject({
  examEventId: Id,
  sessionsPerWeek: z.number().int().min(1).max(14),
  minutesPerSession: z.number().int().min(15).max(240),
  accept: z.boolean().optional(),
});

/** What a planned session asks: review the cards due by then, re-watch a weak lesson, a quiz, or study. */
export const StudyPlanActivity = z.object({
  kind: z.enum(["REVIEW", "REWATCH", "QUIZ", "STUDY"]),
  /** Where in the app: /review, or /videos/:id (?t= the second to start at). */
  path: z.string(),
  videoId: Id.nullable(),
  /** REVIEW: the cards expected due by the session (at most 50 listed; cardsDue counts all). */
  cardIds: z.array(Id),
  cardsDue: z.number().int(),
});
export type StudyPlanActivity = z.infer<typeof StudyPlanActivity>;

/** A proposed session (preview); once accepted, the stored PlannerEvent. */
export const StudyPlanItem = z.object({
  id: Id.optional(),
  title: z.string(),
  subject: Subject.nullable(),
  type: EventType,
  startDate: Timestamp,
  endDate: Timestamp.nullable(),
  description: z.string().nullable(),
  linkedEventId: Id.nullable(),
  activity: StudyPlanActivity.optional(),
});
export type StudyPlanItem = z.infer<typeof StudyPlanItem>;
export const StudyPlanResult = z.object({ items: z.array(StudyPlanItem), accepted: z.boolean() });
export type StudyPlanResult = z.infer<typeof StudyPlanResult>;
