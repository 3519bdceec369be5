// Accessibility helpers for tests: what react-native-web will write to the DOM for an element.
import type { ReactTestInstance } from "react-test-renderer";

/**
 * The `aria-*` prop given to the element or the nearest component around it. react-native-web 0.21 writes
 * these to the DOM as they are (it ignores accessibilityState / accessibilityValue), while on native
 * Pressable folds them into accessibilityState, which is what the host view (and toBeChecked) shows.
 */
export function ariaProp(node: ReactTestInstance, name: `aria-${string}`): unknown {
  for (let n: ReactTestInstance | null = node; n; n = n.parent) if (name in n.props) return n.props[name];
  return undefined;
}
