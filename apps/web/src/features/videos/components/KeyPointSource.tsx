// "From your notes: …" next to a key point of a lesson made from notes (issue 17 item 6): the
// sentence of the notes the point came from, so a student can check it. It opens on hover, on
// keyboard focus and on click or tap; Escape or leaving closes it.
import type { KeyPointSource as Source } from "@lm/core";
import { useId, useState } from "react";
import { Icon } from "../../../components/ui/Icon";

export function KeyPointSource({ source, index }: { source: Source; index: number }) {
  const [open, setOpen] = useState(false);
  const tipId = useId();
  return (
    <span className="relative shrink-0">
      <button
        type="button"
        onMouseEnter={() => setOpen(true)}
        onMouseLeave={() => setOpen(false)}
        aria-label={`Where key point ${index + 1} comes from in your notes`}
        aria-expanded={open}
        aria-describedby={open ? tipId : undefined}
        // Clicks set rather than toggle: a mouse click focuses first, and must not close it again.
        onClick={() => setOpen(true)}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === "Escape") setOpen(false);
        }}
        className="rounded-lg p-2 text-muted hover:bg-raised hover:text-fg"
      >
        <Icon name="eye" className="size-4" />
      </button>
      {open && (
        <span
          id={tipId}
          role="tooltip"
          className="absolute right-0 z-10 mt-1 block w-72 rounded-lg border border-line bg-surface p-3 text-sm text-fg shadow-lg"
        >
          <span className="font-semibold">From your notes: </span>“{source.text}”
        </span>
      )}
    </span>
  );
}
