// makeUseDebounced against a minimal stand-in for React's state and effect hooks: one component,
// re-rendered by hand, effects cleaned up and re-run when their dependencies change.
import { afterEach, describe, expect, it, vi } from "vitest";
import { makeUseDebounced } from "./debounce.js";

function harness<T>(initial: T, ms: number) {
  let state: unknown;
  let hasState = false;
  let deps: readonly unknown[] | undefined;
  let cleanup: (() => void) | undefined;
  let props = initial;
  const react = {
    useState<S>(init: S): [S, (next: S) => void] {
      if (!hasState) {
        state = init;
        hasState = true;
      }
      const set = (next: S) => {
        state = next;
      };
      return [state as S, set];
    },
    useEffect(effect: () => undefined | (() => void), next: readonly unknown[]) {
      if (deps && next.every((d, i) => Object.is(d, deps?.[i]))) return;
      cleanup?.();
      deps = next;
      cleanup = effect() ?? undefined;
    },
  };
  const useDebounced = makeUseDebounced(react);
  const render = () => useDebounced(props, ms);
  return {
    render,
    set(value: T) {
      props = value;
      return render();
    },
  };
}

afterEach(() => vi.useRealTimers());

describe("makeUseDebounced", () => {
  it("answers the new value only once it has stood still for the delay", () => {
    vi.useFakeTimers();
    const h = harness("a", 300);
    expect(h.render()).toBe("a");
    expect(h.set("ab")).toBe("a");
    vi.advanceTimersByTime(200);
    expect(h.set("abc")).toBe("a"); // typing again restarts the wait
    vi.advanceTimersByTime(200);
    expect(h.render()).toBe("a");
    vi.advanceTimersByTime(100);
    expect(h.render()).toBe("abc");
  });
});
