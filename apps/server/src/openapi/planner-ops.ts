// The planner's extension operations in the OpenAPI document (see spec.ts for the rest).
import * as core from "@lm/core";
import type { Op } from "./op.js";

export const PLANNER_OPS: Op[] = [
  {
    method: "post",
    path: "/planner/plan",
    tag: "Planner",
    summary:
      "Exam plan (extension): sessions before an exam that review the cards due by then, re-watch the weakest lessons and end with a practice quiz; stored when accept is true",
    auth: true,
    body: core.StudyPlanInput,
    response: core.StudyPlanResult,
  },
];
