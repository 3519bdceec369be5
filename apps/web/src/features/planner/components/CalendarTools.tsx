// Calendar feed URL (to subscribe from Google/Apple Calendar) and .ics import.
import { type ChangeEvent, useId, useState } from "react";
import { Button, Spinner } from "../../../components/ui/Button";
import { Dialog } from "../../../components/ui/Dialog";
import { Icon } from "../../../components/ui/Icon";
import { errorMessage } from "../../../lib/errors";
import { toast } from "../../../stores/toast";
import { copyText } from "../../videos/components/ShareButton";
import { useCalendarFeed } from "../api/calendar-feed";
import { useImportIcs } from "../api/import-ics";

export function CalendarFeedDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const feed = useCalendarFeed(open);
  const inputId = useId();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Subscribe in your calendar app"
      description="Paste this private link into Google Calendar (“From URL”) or Apple Calendar (“New Calendar Subscription”). Keep it secret: anyone with it can see your planner."
    >
      {feed.isPending ? (
        <p className="flex items-center gap-2 text-sm text-muted">
          <Spinner /> Getting your link…
        </p>
      ) : feed.isError ? (
        <p role="alert" className="text-sm text-danger">
          {errorMessage(feed.error)}
        </p>
      ) : (
        <div className="flex flex-col gap-2">
          <label htmlFor={inputId} className="text-sm font-medium text-fg">
            Calendar feed URL
          </label>
          <div className="flex gap-2">
            <input
              id={inputId}
              readOnly
              value={feed.data.url}
              onFocus={(e) => e.currentTarget.select()}
              className="h-10 min-w-0 flex-1 rounded-lg border border-line bg-raised px-3 text-sm text-fg"
            />
            <Button
              onClick={async () => {
                if (await copyText(feed.data.url)) toast.success("Calendar link copied.");
                else toast.info("Select the link and copy it.");
              }}
            >
              <Icon name="copy" className="size-4" /> Copy
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}

export function ImportIcsButton() {
  const importIcs = useImportIcs();
  const id = useId();
  const [busy, setBusy] = useState(false);
  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    setBusy(true);
    try {
      const text = await file.text();
      if (!text.includes("BEGIN:VCALENDAR")) {
        toast.error("That doesn't look like a calendar file. Choose an .ics file exported from your calendar.");
        return;
      }
      const { imported } = await importIcs.mutateAsync(text);
      toast.success(imported === 1 ? "Imported 1 event." : `Imported ${imported} events.`);
    } catch (err) {
      toast.error(`Import failed. ${errorMessage(err)}`);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div>
      <label
        htmlFor={id}
        className="inline-flex h-10 cursor-pointer items-center gap-2 rounded-lg border border-line bg-surface px-4 text-sm font-medium text-fg hover:bg-raised"
      >
        {busy ? <Spinner /> : <Icon name="upload" className="size-4" />} Import .ics
      </label>
      <input id={id} type="file" accept=".ics,text/calendar" className="sr-only" onChange={onFile} disabled={busy} />
    </div>
  );
}
