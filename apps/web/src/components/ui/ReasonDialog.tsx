// A dialog that asks for one optional short reason and sends it: reporting a lesson, removing
// one as a moderator. Validation uses the caller's contract schema (the server's own), and the
// server's refusal is shown inside the dialog, which stays open so nothing typed is lost.
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { errorMessage } from "../../lib/errors";
import { type FieldErrors, serverFieldErrors, validate } from "../../lib/forms";
import { Button } from "./Button";
import { Dialog } from "./Dialog";
import { FormError, TextArea } from "./Field";

interface ReasonDialogProps {
  title: string;
  description?: string;
  label: string;
  hint: string;
  submitLabel: string;
  /** Checks `{ reason }` (reason trimmed, undefined when empty). */
  schema: z.ZodType<{ reason?: string }>;
  /** Resolves when sent; the dialog then closes. A rejection is shown in the dialog. */
  onSubmit(reason: string | undefined): Promise<unknown>;
  onClose(): void;
}

export function ReasonDialog({
  title,
  description,
  label,
  hint,
  submitLabel,
  schema,
  onSubmit,
  onClose,
}: ReasonDialogProps) {
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = validate(schema, { reason: reason.trim() || undefined });
    if (!parsed.ok) return setErrors(parsed.errors);
    setBusy(true);
    try {
      await onSubmit(parsed.data.reason);
      onClose();
    } catch (err) {
      setErrors(serverFieldErrors(err));
      setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open title={title} description={description} onClose={onClose} size="sm">
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <FormError message={formError} />
        <TextArea
          label={label}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          hint={hint}
          error={errors.reason}
          data-autofocus
        />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={busy}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
