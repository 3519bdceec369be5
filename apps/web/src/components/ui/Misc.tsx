// Small display primitives: skeletons, avatars, subject chips, empty and error states.
import { readableTextColor, SUBJECT_COLORS, SUBJECT_LABELS, type Subject } from "@lm/core";
import type { ReactNode } from "react";
import { Icon, type IconName } from "./Icon";

export function Skeleton({ className = "" }: { className?: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded-lg bg-raised ${className}`} />;
}

export function Avatar({ name, color, size = "md" }: { name: string; color: string; size?: "sm" | "md" | "lg" }) {
  const initials =
    name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((p) => p[0]?.toUpperCase())
      .join("") || "?";
  const dim = size === "sm" ? "size-7 text-xs" : size === "lg" ? "size-14 text-xl" : "size-9 text-sm";
  return (
    <span
      aria-hidden="true"
      className={`inline-flex shrink-0 items-center justify-center rounded-full font-semibold ${dim}`}
      // Students pick any avatar colour; the initials take whichever of black/white stays readable.
      style={{ backgroundColor: color, color: readableTextColor(color) }}
    >
      {initials}
    </span>
  );
}

/** The subject's colour as a dot next to its name (text stays in the readable foreground colour). */
export function SubjectChip({ subject }: { subject: Subject }) {
  return (
    <span className="inline-flex items-center gap-1.5 rounded-full border border-line bg-surface px-2 py-0.5 text-xs font-medium text-fg">
      <span aria-hidden="true" className="size-2 rounded-full" style={{ backgroundColor: SUBJECT_COLORS[subject] }} />
      {SUBJECT_LABELS[subject]}
    </span>
  );
}

export function Badge({
  children,
  tone = "neutral",
}: {
  children: ReactNode;
  tone?: "neutral" | "brand" | "warn" | "danger" | "success";
}) {
  const tones = {
    neutral: "bg-raised text-fg",
    brand: "bg-brand-soft text-fg",
    warn: "bg-warn/15 text-fg",
    danger: "bg-danger/15 text-fg",
    success: "bg-success/15 text-fg",
  };
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ${tones[tone]}`}>
      {children}
    </span>
  );
}

export function EmptyState({
  icon = "sparkles",
  title,
  children,
  action,
}: {
  icon?: IconName;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="flex flex-col items-center gap-3 rounded-2xl border border-dashed border-line bg-surface px-6 py-12 text-center">
      <span className="rounded-full bg-brand-soft p-3 text-brand">
        <Icon name={icon} className="size-6" />
      </span>
      <h2 className="text-lg font-semibold text-fg">{title}</h2>
      {children && <div className="max-w-md text-sm text-muted">{children}</div>}
      {action}
    </div>
  );
}

export function ErrorState({
  title = "Something went wrong",
  message,
  onRetry,
}: {
  title?: string;
  message: string;
  onRetry?: () => void;
}) {
  return (
    <div
      role="alert"
      className="flex flex-col items-center gap-3 rounded-2xl border border-danger/40 bg-surface px-6 py-10 text-center"
    >
      <h2 className="text-lg font-semibold text-fg">{title}</h2>
      <p className="max-w-md text-sm text-muted">{message}</p>
      {onRetry && (
        <button
          type="button"
          onClick={onRetry}
          className="rounded-lg bg-brand px-4 py-2 text-sm font-medium text-brand-fg"
        >
          Try again
        </button>
      )}
    </div>
  );
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
      <h1 className="text-2xl font-bold tracking-tight text-fg sm:text-3xl">{title}</h1>
      {children}
    </div>
  );
}

export function Card({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <section className={`rounded-2xl border border-line bg-surface p-5 ${className}`}>{children}</section>;
}
