import { ButtonLink } from "../components/ui/Button";
import { EmptyState } from "../components/ui/Misc";
import { useDocumentTitle } from "../lib/hooks";

export default function NotFoundPage() {
  useDocumentTitle("Page not found");
  return (
    <div>
      <h1 className="sr-only">Page not found</h1>
      <EmptyState
        icon="search"
        title="We couldn't find that page"
        action={<ButtonLink to="/">Go to the feed</ButtonLink>}
      >
        The link may be old or mistyped.
      </EmptyState>
    </div>
  );
}
