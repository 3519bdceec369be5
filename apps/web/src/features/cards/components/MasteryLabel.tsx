// "Mastery 72%": the number is in the text, so the colour of the bar is a hint, never the message.
export function masteryPercent(m: number): number {
  return Math.round(m * 100);
}

export function MasteryLabel({ mastery, className = "" }: { mastery: number; className?: string }) {
  const pct = masteryPercent(mastery);
  const tone = pct >= 80 ? "bg-emerald-500" : pct >= 50 ? "bg-amber-500" : "bg-rose-500";
  return (
    <span className={`inline-flex items-center gap-1.5 text-xs font-medium text-fg ${className}`}>
      <span aria-hidden="true" className="h-1.5 w-10 overflow-hidden rounded-full bg-raised">
        <span className={`block h-full ${tone}`} style={{ width: `${pct}%` }} />
      </span>
      Mastery {pct}%
    </span>
  );
}
