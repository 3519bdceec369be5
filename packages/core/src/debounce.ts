// The debounced-value hook, written once for the web and mobile apps. packages/core carries no
// React (a lint rule), so each app hands in the two React hooks it needs:
//   export const useDebounced = makeUseDebounced(React);

/** The part of React this hook uses. */
export interface DebounceReact {
  useState<S>(initial: S): [S, (next: S) => void];
  useEffect(effect: () => undefined | (() => void), deps: readonly unknown[]): void;
}

/** A hook returning `value` once it has stopped changing for `ms` (search boxes, filters). */
export function makeUseDebounced(react: DebounceReact) {
  return function useDebounced<T>(value: T, ms = 300): T {
    const [debounced, setDebounced] = react.useState(value);
    react.useEffect(() => {
      const t = setTimeout(() => setDebounced(value), ms);
      return () => clearTimeout(t);
    }, [value, ms]);
    return debounced;
  };
}
