import { Button } from "../../../components/ui/Button";
import { Icon } from "../../../components/ui/Icon";
import { toast } from "../../../stores/toast";

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function ShareButton({ path, title }: { path: string; title: string }) {
  const url = `${window.location.origin}${path}`;
  return (
    <Button
      variant="secondary"
      size="sm"
      onClick={async () => {
        if (await copyText(url)) toast.success("Link copied. Share it with your study group!");
        else toast.info(`Copy this link: ${url}`);
      }}
      title={`Copy a link to “${title}”`}
    >
      <Icon name="share" className="size-4" /> Share<span className="sr-only"> (copy link)</span>
    </Button>
  );
}
