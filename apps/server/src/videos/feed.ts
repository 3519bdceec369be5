// GET /videos: filters, full-text search and four sorts, each paged by an opaque keyset cursor.
// Cursor values are read back from SQL as text, so timestamps keep their microseconds and
// floats their exact value: no duplicates or gaps between pages while rows are inserted.
import type { z } from "zod";
import type { VideoListQuery } from "@lm/core";
import type { Queryable } from "../db/index.js";
import { type KeyType, keysetCodec } from "../db/keyset-cursor.js";
import { myRating, VIDEO_FROM, VIDEO_SELECT, type VideoRow } from "./presenter.js";

type Query = z.output<typeof VideoListQuery>;

interface SortPlan {
  /** SQL expressions of the key, all descending. */
  keys: string[];
  /** Casts for the cursor values when compared, which the shared codec also checks them against. */
  casts: KeyType[];
}

function plan(q: Query): SortPlan {
  if (q.q) {
    return {
      keys: ["ts_rank_cd(v.search, websearch_to_tsquery('english', $q))::float8", "v.id"],
      casts: ["float8", "uuid"],
    };
  }
  switch (q.sort) {
    case "top":
      return { keys: ["v.rating_avg", "v.rating_count", "v.id"], casts: ["numeric", "int", "uuid"] };
    case "trending":
      return { keys: ["v.trending_score", "v.id"], casts: ["float8", "uuid"] };
    case "for_you":
      return {
        // Weak subjects first (2), then the student's chosen ones (1), then the rest; trending within.
        keys: ["((v.subject = any($weak))::int * 2 + (v.subject = any($subjects))::int)", "v.trending_score", "v.id"],
        casts: ["int", "float8", "uuid"],
      };
    default:
      return { keys: ["v.created_at", "v.id"], casts: ["timestamptz", "uuid"] };
  }
}

/**
 * Whether this page's statement should run with its generic plan. Left to itself, PostgreSQL keeps
 * re-planning the browse statement on every execution (its generic plan's estimate, with the LIMIT
 * unknown, looks dearer than the custom plans it tried first): 0.55–0.9 ms of planning for 0.2 ms of
 * execution. Its best plan is the keyset walk down the sort's index whatever the values, so the
 * generic plan is right. Not for a text search or one author's lessons, where the values decide
 * between indexes (a rare word, an author with three lessons).
 */
export const genericPlanFits = (q: Query) => !q.q && !q.createdBy;

export interface FeedViewer {
  userId: string | null;
  subjects: string[];
  /** for_you: subjects the student is weak in (cards due for review, or quiz answers mostly wrong). */
  weakSubjects?: string[];
}

export async function listVideos(tx: Queryable, q: Query, viewer: FeedViewer) {
  const params: unknown[] = [];
  const named: Record<string, unknown> = {};
  const where: string[] = [];
  const sortName = q.q ? "relevance" : q.sort;
  const p = plan(q);
  // Tagged with the sort: a cursor from one sort is refused by another.
  const cursor = keysetCodec(p.casts, sortName);

  if (q.createdBy === "me") {
    where.push("v.created_by = auth.uid()");
  } else {
    where.push("v.status = 'PUBLIC'");
    if (q.createdBy) {
      named.createdBy = q.createdBy;
      where.push("v.created_by = $createdBy");
    }
  }
  if (q.subject) {
    named.subject = q.subject;
    where.push("v.subject = $subject");
  }
  if (q.difficulty) {
    named.difficulty = q.difficulty;
    where.push("v.difficulty = $difficulty");
  }
  if (q.q) {
    named.q = q.q;
    where.push("v.search @@ websearch_to_tsquery('english', $q)");
  }
  if (q.sort === "for_you" && !q.q) {
    named.subjects = viewer.subjects;
    named.weak = viewer.weakSubjects ?? [];
  }
  if (q.cursor) {
    const values = cursor.decode(q.cursor) ?? [];
    const placeholders = values.map((v, i) => {
      named[`c${i}`] = v;
      return `$c${i}::${p.casts[i]}`;
    });
    where.push(`(${p.keys.join(", ")}) < (${placeholders.join(", ")})`);
  }
  named.limit = q.limit + 1;

  const keyText = p.keys.map((k, i) => `(${k})::text as k${i}`).join(", ");
  let sql = `select ${VIDEO_SELECT}, ${keyText}, ${myRating(viewer.userId !== null)}
    from ${VIDEO_FROM}
    where ${where.join(" and ")}
    order by ${p.keys.map((k) => `${k} desc`).join(", ")}
    limit $limit`;
  // Named placeholders → positional ($1, $2 …), each name once.
  const index = new Map<string, number>();
  sql = sql.replace(/\$([a-zA-Z]\w*)/g, (_m, name: string) => {
    if (!(name in named)) throw new Error(`unbound parameter ${name}`);
    if (!index.has(name)) {
      params.push(named[name]);
      index.set(name, params.length);
    }
    return `$${index.get(name)}`;
  });
  const rows = await tx.query<VideoRow & Record<`k${number}`, string>>(sql, params);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > q.limit && last ? cursor.encode(p.keys.map((_k, i) => last[`k${i}`] as string)) : null;
  return { rows: page, nextCursor };
}
