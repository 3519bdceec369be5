// What the lesson's creator can do: edit title and tags, switch visibility, delete.
import { type Video, VideoUpdateInput } from "@lm/core";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { Button } from "../../../components/ui/Button";
import { Dialog } from "../../../components/ui/Dialog";
import { FormError, TextField } from "../../../components/ui/Field";
import { errorMessage } from "../../../lib/errors";
import { type FieldErrors, serverFieldErrors, validate } from "../../../lib/forms";
import { toast } from "../../../stores/toast";
import { useDeleteVideo } from "../api/delete-video";
import { useUpdateVideo } from "../api/update-video";

function EditDialog({ video, onClose }: { video: Video; onClose(): void }) {
  const update = useUpdateVideo(video.id);
  const [title, setTitle] = useState(video.title);
  const [tags, setTags] = useState(video.tags.join(", "));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const tagList = tags
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean);
    const parsed = validate(VideoUpdateInput, { title, tags: tagList });
    if (!parsed.ok) {
      setErrors(
        Object.fromEntries(Object.entries(parsed.errors).map(([k, v]) => [k.startsWith("tags") ? "tags" : k, v])),
      );
      return;
    }
    try {
      await update.mutateAsync(parsed.data);
      toast.success("Lesson updated.");
      onClose();
    } catch (err) {
      setErrors(serverFieldErrors(err));
      setFormError(errorMessage(err));
    }
  }

  return (
    <Dialog open title="Edit lesson" onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <FormError message={formError} />
        <TextField
          label="Title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={errors.title}
          data-autofocus
        />
        <TextField
          label="Tags"
          value={tags}
          onChange={(e) => setTags(e.target.value)}
          hint="Separate tags with commas (up to 10)."
          error={errors.tags}
        />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** The creator gets everything; a moderator who is not the creator can only delete. */
export function CreatorControls({ video, canEdit = true }: { video: Video; canEdit?: boolean }) {
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const update = useUpdateVideo(video.id);
  const del = useDeleteVideo();
  const navigate = useNavigate();
  const visible = canEdit && (video.status === "PUBLIC" || video.status === "PRIVATE");
  return (
    <div className="flex flex-wrap items-center gap-2">
      {canEdit && (
        <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
          Edit title and tags
        </Button>
      )}
      {visible && (
        <Button
          variant="secondary"
          size="sm"
          loading={update.isPending}
          onClick={() =>
            update.mutate(
              { status: video.status === "PUBLIC" ? "PRIVATE" : "PUBLIC" },
              {
                onSuccess: (v) =>
                  toast.success(
                    v.status === "PUBLIC" ? "Now public: it shows in the feed." : "Now private: only you can see it.",
                  ),
                onError: (e) => toast.error(errorMessage(e)),
              },
            )
          }
        >
          {video.status === "PUBLIC" ? "Make private" : "Make public"}
        </Button>
      )}
      <Button variant="ghost" size="sm" className="text-danger" onClick={() => setConfirmDelete(true)}>
        Delete
      </Button>
      {editing && <EditDialog video={video} onClose={() => setEditing(false)} />}
      <Dialog
        open={confirmDelete}
        title="Delete this lesson?"
        description="It will be removed for everyone, with its ratings and comments. This can't be undone."
        size="sm"
        onClose={() => setConfirmDelete(false)}
      >
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirmDelete(false)} data-autofocus>
            Keep it
          </Button>
          <Button
            variant="danger"
            loading={del.isPending}
            onClick={() =>
              del.mutate(video.id, {
                onSuccess: () => {
                  toast.success("Lesson deleted.");
                  navigate("/");
                },
                onError: (e) => toast.error(errorMessage(e)),
              })
            }
          >
            Delete lesson
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
