// Small hooks shared by screens (the web app's twin is apps/web/src/lib/hooks.ts).
import { makeUseDebounced } from "@lm/core";
import { useEffect, useState } from "react";

/** `value`, once it has stopped changing for `ms` (one implementation for web and mobile, in @lm/core). */
export const useDebounced = makeUseDebounced({ useState, useEffect });
