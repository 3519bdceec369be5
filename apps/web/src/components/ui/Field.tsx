// Form fields: every input has a visible <label> tied to it, a hint and an error announced with it.
import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from "react";

const control =
  "w-full rounded-lg border bg-surface px-3 py-2 text-fg placeholder:text-muted/80 disabled:opacity-60 aria-[invalid=true]:border-danger";

/** What the control inside a field needs to be tied to its label, hint and error. */
interface ControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

interface FieldShellProps {
  id?: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  className?: string;
  children(control: ControlProps): ReactNode;
}

/** Label above, hint or error below, and the ids that tie them to the control. */
function FieldShell({ id, label, hint, error, children, className = "" }: FieldShellProps) {
  const auto = useId();
  const fid = id ?? auto;
  const describedBy = error ? `${fid}-error` : hint ? `${fid}-hint` : undefined;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={fid} className="text-sm font-medium text-fg">
        {label}
      </label>
      {children({ id: fid, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hint && !error && (
        <p id={`${fid}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${fid}-error`} className="text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

interface CommonProps {
  label: string;
  hint?: ReactNode;
  error?: string;
  containerClassName?: string;
}

export function TextField({
  label,
  hint,
  error,
  containerClassName,
  id,
  className = "",
  ...rest
}: CommonProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={containerClassName}>
      {(field) => <input {...field} className={`${control} h-10 border-line ${className}`} {...rest} />}
    </FieldShell>
  );
}

export function TextArea({
  label,
  hint,
  error,
  containerClassName,
  id,
  className = "",
  ...rest
}: CommonProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={containerClassName}>
      {(field) => <textarea {...field} className={`${control} min-h-28 border-line ${className}`} {...rest} />}
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  label,
  hint,
  error,
  containerClassName,
  id,
  options,
  className = "",
  ...rest
}: CommonProps & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly Option[] }) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={containerClassName}>
      {(field) => (
        <select {...field} className={`${control} h-10 border-line ${className}`} {...rest}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

export function Checkbox({ label, id, ...rest }: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  const auto = useId();
  const fid = id ?? auto;
  return (
    <div className="flex items-center gap-2">
      <input id={fid} type="checkbox" className="size-4 accent-[var(--lm-brand)]" {...rest} />
      <label htmlFor={fid} className="text-sm text-fg">
        {label}
      </label>
    </div>
  );
}

/** A form-level error (not tied to one field), announced when it appears. */
export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-lg border border-danger/40 bg-danger/10 px-3 py-2 text-sm text-danger">
      {message}
    </p>
  );
}
