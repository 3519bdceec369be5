import { DIFFICULTIES, SUBJECT_LABELS, SUBJECTS, VideoCreateInput } from "@lm/core";
import { type ChangeEvent, type FormEvent, useId, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { Button } from "../components/ui/Button";
import { FormError, SelectField, TextArea, TextField } from "../components/ui/Field";
import { Icon } from "../components/ui/Icon";
import { PageHeader } from "../components/ui/Misc";
import { useCreateVideo } from "../features/videos/api/create-video";
import { useNeedsNotes } from "../features/videos/api/get-capabilities";
import { errorMessage, isApiError } from "../lib/errors";
import { DIFFICULTY_LABELS } from "../lib/format";
import { type FieldErrors, serverFieldErrors, validate } from "../lib/forms";
import { useDocumentTitle } from "../lib/hooks";

const MAX_NOTES = 50_000;
const NOTES_REQUIRED =
  "This server builds lessons from your notes: paste a few paragraphs or upload a .txt or .md file.";

export default function GeneratePage() {
  useDocumentTitle("Generate a lesson");
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const create = useCreateVideo();
  const needsNotes = useNeedsNotes();
  const [topic, setTopic] = useState(params.get("topic") ?? "");
  // No default: a preselected subject is filed under whatever was first in the list.
  const [subject, setSubject] = useState(params.get("subject") ?? "");
  const [difficulty, setDifficulty] = useState(params.get("difficulty") ?? "BEGINNER");
  const [notes, setNotes] = useState("");
  const [visibility, setVisibility] = useState<"PUBLIC" | "PRIVATE">("PUBLIC");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const fileId = useId();

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    if (!/\.(txt|md|markdown)$/i.test(file.name)) {
      setErrors((x) => ({ ...x, sourceText: "Choose a .txt or .md file." }));
      return;
    }
    const text = await file.text();
    if (text.length > MAX_NOTES) {
      setErrors((x) => ({
        ...x,
        sourceText: `That file is too long: notes can be up to ${MAX_NOTES.toLocaleString()} characters.`,
      }));
      return;
    }
    setNotes(text);
    setErrors(({ sourceText: _, ...rest }) => rest);
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const parsed = validate(VideoCreateInput, {
      topic,
      subject,
      difficulty,
      sourceText: notes.trim() ? notes : undefined,
      visibility,
    });
    const own: FieldErrors = {};
    if (!subject) own.subject = "Choose a subject.";
    if (needsNotes && !notes.trim()) own.sourceText = NOTES_REQUIRED;
    if (!parsed.ok || Object.keys(own).length > 0) {
      setErrors({ ...(parsed.ok ? {} : parsed.errors), ...own });
      return;
    }
    setErrors({});
    try {
      const video = await create.mutateAsync(parsed.data);
      navigate(`/videos/${video.id}`);
    } catch (err) {
      const fields = serverFieldErrors(err);
      setErrors(fields);
      if (isApiError(err, "content_rejected")) setFormError(errorMessage(err));
      else if (Object.keys(fields).length === 0) setFormError(errorMessage(err));
    }
  }

  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title="Generate a lesson" />
      <p className="-mt-3 mb-6 text-muted">
        Tell Little Monster what you're studying. It writes a short narrated lesson with key points, a summary and a
        quiz.
      </p>
      <form
        onSubmit={onSubmit}
        noValidate
        className="flex flex-col gap-5 rounded-2xl border border-line bg-surface p-5 sm:p-6"
      >
        <FormError message={formError} />
        <TextField
          label="Topic"
          name="topic"
          value={topic}
          onChange={(e) => setTopic(e.target.value)}
          placeholder="e.g. Photosynthesis and the Calvin cycle"
          maxLength={200}
          required
          error={errors.topic}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Subject"
            name="subject"
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
            required
            options={[
              { value: "", label: "Choose a subject" },
              ...SUBJECTS.map((s) => ({ value: s, label: SUBJECT_LABELS[s] })),
            ]}
            error={errors.subject}
          />
          <SelectField
            label="Difficulty"
            name="difficulty"
            value={difficulty}
            onChange={(e) => setDifficulty(e.target.value)}
            options={DIFFICULTIES.map((d) => ({ value: d, label: DIFFICULTY_LABELS[d] }))}
            error={errors.difficulty}
          />
        </div>
        <div className="flex flex-col gap-2">
          <TextArea
            label="Notes"
            name="sourceText"
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            rows={8}
            maxLength={MAX_NOTES}
            required={needsNotes}
            placeholder={
              needsNotes
                ? "Paste your class notes or a textbook passage: the lesson is built from them."
                : "Optional: paste your class notes or a textbook passage. The lesson will stick to them."
            }
            hint={`${needsNotes ? "Required on this server, which has no AI model to write from a topic alone." : "Optional, but lessons built from your own notes are the most accurate."} A few paragraphs work best. ${notes.length.toLocaleString()} / ${MAX_NOTES.toLocaleString()} characters.`}
            error={errors.sourceText}
          />
          <div>
            <label
              htmlFor={fileId}
              className="inline-flex cursor-pointer items-center gap-2 rounded-lg border border-line px-3 py-1.5 text-sm font-medium text-fg hover:bg-raised"
            >
              <Icon name="upload" className="size-4" /> Upload notes (.txt or .md)
            </label>
            <input
              id={fileId}
              type="file"
              accept=".txt,.md,.markdown,text/plain,text/markdown"
              onChange={onFile}
              className="sr-only"
            />
          </div>
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-fg">Visibility</legend>
          <div className="mt-2 flex flex-wrap gap-4">
            {(["PUBLIC", "PRIVATE"] as const).map((v) => (
              <label key={v} className="flex items-center gap-2 text-sm text-fg">
                <input
                  type="radio"
                  name="visibility"
                  value={v}
                  checked={visibility === v}
                  onChange={() => setVisibility(v)}
                  className="size-4 accent-[var(--lm-brand)]"
                />
                {v === "PUBLIC" ? "Public: share it in the feed" : "Private: only me"}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex justify-end">
          <Button type="submit" loading={create.isPending}>
            <Icon name="sparkles" className="size-4" /> Generate lesson
          </Button>
        </div>
      </form>
    </div>
  );
}
