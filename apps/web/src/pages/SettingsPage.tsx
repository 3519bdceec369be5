import {
  NOTIFICATION_KIND_LABELS,
  NOTIFICATION_KINDS,
  type Preferences,
  SUBJECT_LABELS,
  SUBJECTS,
  type Subject,
  UserUpdateInput,
} from "@lm/core";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { Button } from "../components/ui/Button";
import { Dialog } from "../components/ui/Dialog";
import { Checkbox, FormError, SelectField, TextField } from "../components/ui/Field";
import { Card, PageHeader } from "../components/ui/Misc";
import { useDeleteAccount } from "../features/users/api/delete-account";
import { useUpdateUser } from "../features/users/api/update-user";
import { errorMessage } from "../lib/errors";
import { type FieldErrors, serverFieldErrors, validate } from "../lib/forms";
import { useDocumentTitle } from "../lib/hooks";
import { type Theme, useTheme } from "../lib/theme";
import { useAuth } from "../stores/auth";
import { toast } from "../stores/toast";

const SWATCHES = ["#4F46E5", "#2563EB", "#0D9488", "#16A34A", "#B45309", "#DB2777", "#9333EA", "#475569"];

function timeZones(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf("timeZone");
  } catch {
    // Older browsers: offer at least the current zone and UTC.
  }
  // "UTC" and some aliases are valid but not always listed.
  return [...new Set([current, "UTC", ...zones])];
}

function DeleteAccount({ userId }: { userId: string }) {
  const [open, setOpen] = useState(false);
  const [confirm, setConfirm] = useState("");
  const del = useDeleteAccount();
  const navigate = useNavigate();
  return (
    <Card className="border-danger/40">
      <h2 className="text-lg font-bold text-fg">Delete account</h2>
      <p className="mt-1 text-sm text-muted">
        This removes your account and everything you own: lessons, comments, ratings and your planner.
      </p>
      <Button variant="danger" className="mt-4" onClick={() => setOpen(true)}>
        Delete my account
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Delete your account?"
        description="This can't be undone."
        size="sm"
      >
        <form
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            del.mutate(userId, {
              onSuccess: () => navigate("/login"),
              onError: (err) => toast.error(errorMessage(err)),
            });
          }}
        >
          <TextField
            label='Type "DELETE" to confirm'
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            autoComplete="off"
          />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" disabled={confirm !== "DELETE"} loading={del.isPending}>
              Delete forever
            </Button>
          </div>
        </form>
      </Dialog>
    </Card>
  );
}

export default function SettingsPage() {
  useDocumentTitle("Settings");
  const user = useAuth((s) => s.user);
  const { theme, setTheme } = useTheme();
  const update = useUpdateUser();
  const prefs = (user?.preferences ?? {}) as Preferences;
  const [displayName, setDisplayName] = useState(user?.displayName ?? "");
  const [avatarColor, setAvatarColor] = useState(user?.avatarColor ?? SWATCHES[0]);
  const [subjects, setSubjects] = useState<Subject[]>(user?.subjects ?? []);
  const [emailReminders, setEmailReminders] = useState(prefs.emailReminders ?? false);
  // Every kind is on until switched off; all four are sent, so the saved object is always whole.
  const [notify, setNotify] = useState(() =>
    Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, prefs.notifications?.[k] ?? true])),
  );
  const [timeZone, setTimeZone] = useState(prefs.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [zones] = useState(() => timeZones(timeZone));
  if (!user) return null;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const parsed = validate(UserUpdateInput, {
      displayName,
      avatarColor,
      subjects,
      preferences: { ...prefs, emailReminders, timeZone, theme, notifications: notify },
    });
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    try {
      await update.mutateAsync(parsed.data);
      toast.success("Settings saved.");
    } catch (err) {
      setErrors(serverFieldErrors(err));
      setFormError(errorMessage(err));
    }
  }

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <PageHeader title="Settings" />
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
        <FormError message={formError} />
        <Card className="flex flex-col gap-4">
          <h2 className="text-lg font-bold text-fg">Profile</h2>
          <TextField
            label="Display name"
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            maxLength={50}
            error={errors.displayName}
          />
          <fieldset>
            <legend className="mb-2 text-sm font-medium text-fg">Avatar colour</legend>
            <div className="flex flex-wrap items-center gap-2">
              {SWATCHES.map((c) => (
                <button
                  key={c}
                  type="button"
                  aria-label={`Colour ${c}`}
                  aria-pressed={avatarColor.toUpperCase() === c}
                  onClick={() => setAvatarColor(c)}
                  className={`size-9 rounded-full border-2 ${avatarColor.toUpperCase() === c ? "border-fg" : "border-transparent"}`}
                  style={{ backgroundColor: c }}
                />
              ))}
              <label className="ml-2 flex items-center gap-2 text-sm text-fg">
                Custom
                <input
                  type="color"
                  value={avatarColor}
                  onChange={(e) => setAvatarColor(e.target.value.toUpperCase())}
                  className="h-9 w-12 rounded border border-line"
                />
              </label>
            </div>
            {errors.avatarColor && <p className="mt-1 text-sm text-danger">{errors.avatarColor}</p>}
          </fieldset>
          <fieldset>
            <legend className="mb-2 text-sm font-medium text-fg">Subjects you study</legend>
            <p className="mb-2 text-xs text-muted">“For you” in the feed shows these first.</p>
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
              {SUBJECTS.map((s) => (
                <Checkbox
                  key={s}
                  label={SUBJECT_LABELS[s]}
                  checked={subjects.includes(s)}
                  onChange={(e) => setSubjects((x) => (e.target.checked ? [...x, s] : x.filter((y) => y !== s)))}
                />
              ))}
            </div>
          </fieldset>
        </Card>
        <Card className="flex flex-col gap-4">
          <h2 className="text-lg font-bold text-fg">Reminders and time</h2>
          <Checkbox
            label="Email me planner reminders"
            checked={emailReminders}
            onChange={(e) => setEmailReminders(e.target.checked)}
          />
          <SelectField
            label="Time zone"
            value={timeZone}
            onChange={(e) => setTimeZone(e.target.value)}
            options={zones.map((z) => ({ value: z, label: z.replaceAll("_", " ") }))}
            error={errors["preferences.timeZone"]}
          />
        </Card>
        <Card className="flex flex-col gap-4">
          <h2 className="text-lg font-bold text-fg">Notifications</h2>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm text-muted">Tell me in Little Monster when…</legend>
            {NOTIFICATION_KINDS.map((k) => (
              <Checkbox
                key={k}
                label={NOTIFICATION_KIND_LABELS[k]}
                checked={notify[k]}
                onChange={(e) => setNotify((n) => ({ ...n, [k]: e.target.checked }))}
              />
            ))}
          </fieldset>
        </Card>
        <Card className="flex flex-col gap-4">
          <h2 className="text-lg font-bold text-fg">Appearance</h2>
          <SelectField
            label="Theme"
            value={theme}
            onChange={(e) => setTheme(e.target.value as Theme)}
            options={[
              { value: "system", label: "Match my device" },
              { value: "light", label: "Light" },
              { value: "dark", label: "Dark" },
            ]}
          />
        </Card>
        <div className="flex justify-end">
          <Button type="submit" loading={update.isPending}>
            Save settings
          </Button>
        </div>
      </form>
      <DeleteAccount userId={user.id} />
    </div>
  );
}
