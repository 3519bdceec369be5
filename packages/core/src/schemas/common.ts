// Shared building blocks: ids, timestamps, pages.
import { z } from "zod";

export const Id = z.uuid();
// Years 0001–9999 and offsets up to ±15:59: what PostgreSQL's timestamptz takes without an error
// (the ISO pattern alone admits year 0000 and offsets to ±23:59), and what toISOString prints back.
const FIRST_INSTANT = Date.parse("0001-01-01T00:00:00Z");
const LAST_INSTANT = Date.parse("9999-12-31T23:59:59.999Z");
export const Timestamp = z.iso.datetime({ offset: true }).refine((s) => {
  const t = Date.parse(s);
  const offsetHours = /([+-])(\d{2}):?\d{2}$/.exec(s)?.[2];
  return t >= FIRST_INSTANT && t <= LAST_INSTANT && Number(offsetHours ?? 0) <= 15;
}, "Use a date between the years 0001 and 9999, with an offset within ±15:59");

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

export function Page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export type Page<T> = { items: T[]; nextCursor: string | null };

export const IdParam = z.object({ id: Id });
export const Empty = z.strictObject({});
