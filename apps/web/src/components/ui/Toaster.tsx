import { useToasts } from "../../stores/toast";
import { Icon } from "./Icon";

const STYLE = {
  info: "border-line bg-surface text-fg",
  success: "border-success/50 bg-surface text-fg",
  error: "border-danger/60 bg-surface text-fg",
} as const;

export function Toaster() {
  const { toasts, dismiss } = useToasts();
  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-4 z-[60] flex flex-col items-center gap-2 px-4 sm:items-end">
      <div role="status" aria-live="polite" className="flex w-full max-w-sm flex-col gap-2">
        {toasts.map((t) => (
          <div
            key={t.id}
            className={`pointer-events-auto flex items-start gap-3 rounded-xl border px-4 py-3 text-sm shadow-lg ${STYLE[t.kind]}`}
          >
            <span
              aria-hidden="true"
              className={`mt-1.5 size-2 shrink-0 rounded-full ${t.kind === "error" ? "bg-danger" : t.kind === "success" ? "bg-success" : "bg-brand"}`}
            />
            <p className="flex-1">{t.message}</p>
            <button
              type="button"
              onClick={() => dismiss(t.id)}
              className="rounded p-0.5 text-muted hover:text-fg"
              aria-label="Dismiss notification"
            >
              <Icon name="close" className="size-4" />
            </button>
          </div>
        ))}
      </div>
    </div>
  );
}
