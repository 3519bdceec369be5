// The lesson report dialog with its schema, in a module of its own: ReportLessonButton loads it
// when a student opens it. Importing the one schema by name (not `import("@lm/core")`, whose
// namespace holds every export) keeps zod out of the app's first-load chunk.
import { ReportInput } from "@lm/core";
import type { ComponentProps } from "react";
import { ReasonDialog } from "../../../components/ui/ReasonDialog";

export default function ReportLessonDialog(props: Omit<ComponentProps<typeof ReasonDialog>, "schema">) {
  return <ReasonDialog {...props} schema={ReportInput} />;
}
