// When this browser's time zone is not the one the account writes reminders in (a student who
// travelled, or moved), offer to switch: reminders and e-mails would otherwise say the wrong time.
// "Keep" is remembered per zone pair in this browser, so the offer does not come back every page.
import { deviceTimeZone } from "@lm/core";
import { useState } from "react";
import { Button } from "../../../components/ui/Button";
import { errorMessage } from "../../../lib/errors";
import { useAuth } from "../../../stores/auth";
import { toast } from "../../../stores/toast";
import { useUpdateUser } from "../api/update-user";

const KEPT = "lm.timezone-kept";
const place = (zone: string) => zone.split("/").pop()?.replaceAll("_", " ") ?? zone;

export function TimeZoneBanner() {
  const user = useAuth((s) => s.user);
  const update = useUpdateUser();
  const [kept, setKept] = useState(() => localStorage.getItem(KEPT));
  const saved = user?.preferences.timeZone;
  const here = deviceTimeZone();
  if (!user || typeof saved !== "string" || !here || here === saved || kept === `${saved}>${here}`) return null;
  return (
    <div className="border-b border-brand/30 bg-brand-soft/40">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm text-fg">
        <p>
          This device is on {place(here)} time; your reminders are written in {place(saved)} time.
        </p>
        <div className="flex gap-2">
          <Button
            size="sm"
            loading={update.isPending}
            onClick={() =>
              update.mutate(
                { preferences: { ...user.preferences, timeZone: here } },
                {
                  onSuccess: () => toast.success(`Reminders now use ${place(here)} time.`),
                  onError: (e) => toast.error(errorMessage(e)),
                },
              )
            }
          >
            Use {place(here)} time
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              localStorage.setItem(KEPT, `${saved}>${here}`);
              setKept(`${saved}>${here}`);
            }}
          >
            Keep {place(saved)}
          </Button>
        </div>
      </div>
    </div>
  );
}
