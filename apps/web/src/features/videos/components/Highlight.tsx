// Marks the words of the search query inside a text (case-insensitive, whole terms of 2+ letters).
import { Fragment } from "react";

export function highlightParts(text: string, query: string): { text: string; match: boolean }[] {
  const terms = query
    .trim()
    .split(/\s+/)
    .filter((t) => t.length >= 2)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  if (terms.length === 0) return [{ text, match: false }];
  const re = new RegExp(`(${terms.join("|")})`, "gi");
  return text
    .split(re)
    .filter((p) => p !== "")
    .map((p) => ({ text: p, match: terms.some((t) => new RegExp(`^${t}$`, "i").test(p)) }));
}

export function Highlight({ text, query }: { text: string; query: string }) {
  const parts = highlightParts(text, query);
  return (
    <>
      {parts.map((p, i) =>
        p.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one string, never reordered
          <mark key={i}>{p.text}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one string, never reordered
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </>
  );
}
