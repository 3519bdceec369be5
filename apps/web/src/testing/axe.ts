// axe-core on a rendered page. Colour contrast needs real layout and paint, which happy-dom
// does not do; the browser (e2e) run covers it.
import axe from "axe-core";

export async function axeViolations(root: Element = document.body) {
  const result = await axe.run(root, {
    rules: { "color-contrast": { enabled: false } },
    resultTypes: ["violations"],
  });
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}
