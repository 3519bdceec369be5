// Models sometimes wrap JSON in code fences or add a sentence around it; this finds the object.

export function parseJsonText(text: string): unknown {
  const trimmed = text
    .trim()
    .replace(/^```(?:json)?\s*/i, "")
    .replace(/\s*```$/, "");
  try {
    return JSON.parse(trimmed);
  } catch {
    const start = trimmed.indexOf("{");
    const end = trimmed.lastIndexOf("}");
    if (start < 0 || end <= start) throw new SyntaxError("no JSON object in the model output");
    return JSON.parse(trimmed.slice(start, end + 1));
  }
}
