// Small hooks shared by screens (the web app's twin is apps/web/src/lib/hooks.ts).
import { useEffect, useState } from "react";

/**
 * `value`, once it has stopped changing for `ms`. Kept per app: the hook is all React (a timer in
 * an effect), and packages/core carries no React, so a core helper would not shorten either copy.
 */
export function useDebounced<T>(value: T, ms = 300): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}
