// Turns .ics text into a tree of components and properties (RFC 5545 §3.1), remembering line
// numbers so import errors can point at the offending line.

export class IcsImportError extends Error {
  override name = "IcsImportError";
  constructor(
    /** Why, without the line prefix, so callers can add context and re-throw. */
    readonly reason: string,
    readonly line?: number,
  ) {
    super(line === undefined ? reason : `Line ${line}: ${reason}`);
  }
}

export interface IcsProperty {
  name: string;
  /** Parameter names upper-cased; values unquoted. */
  params: Map<string, string[]>;
  value: string;
  line: number;
}

export interface IcsComponent {
  name: string;
  properties: IcsProperty[];
  components: IcsComponent[];
  line: number;
}

export function prop(c: IcsComponent, name: string): IcsProperty | undefined {
  return c.properties.find((p) => p.name === name);
}

export function param(p: IcsProperty, name: string): string | undefined {
  return p.params.get(name)?.[0];
}

/** Joins folded lines (CRLF, LF or CR followed by a space or tab) and keeps the first line number. */
function unfold(text: string): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  const raw = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  raw.forEach((line, i) => {
    if ((line.startsWith(" ") || line.startsWith("\t")) && out.length > 0) {
      out[out.length - 1].text += line.slice(1);
    } else if (line.trim() !== "") {
      out.push({ text: line, line: i + 1 });
    }
  });
  return out;
}

const NAME = /^[A-Za-z0-9-]+/;

function parseContentLine(text: string, line: number): IcsProperty {
  const name = NAME.exec(text)?.[0];
  if (!name) throw new IcsImportError(`"${text.slice(0, 40)}" is not a NAME:value line`, line);
  // RFC 5545 allows no control characters in a line, and PostgreSQL cannot store a NUL in text.
  if (text.includes("\u0000")) throw new IcsImportError(`property ${name} contains a NUL character`, line);
  const params = new Map<string, string[]>();
  let i = name.length;
  while (text[i] === ";") {
    const pname = NAME.exec(text.slice(i + 1))?.[0];
    if (!pname || text[i + 1 + pname.length] !== "=") {
      throw new IcsImportError(`property ${name} has a malformed parameter`, line);
    }
    i += pname.length + 2;
    const values: string[] = [];
    for (;;) {
      if (text[i] === '"') {
        const close = text.indexOf('"', i + 1);
        if (close < 0) throw new IcsImportError(`property ${name} has an unterminated quoted parameter`, line);
        values.push(text.slice(i + 1, close));
        i = close + 1;
      } else {
        const m = /^[^";:,]*/.exec(text.slice(i))![0];
        values.push(m);
        i += m.length;
      }
      if (text[i] !== ",") break;
      i++;
    }
    params.set(pname.toUpperCase(), values);
  }
  if (text[i] !== ":") throw new IcsImportError(`property ${name} has no ":" before its value`, line);
  return { name: name.toUpperCase(), params, value: text.slice(i + 1), line };
}

/** Lines parsed between two yields: a 1 MiB file is ~20,000 lines, a few milliseconds per batch. */
const LINES_PER_STEP = 500;

/**
 * Parses the whole text into top-level VCALENDAR components, yielding every few hundred lines so a
 * server can pause between. `onBegin` sees every component as it opens, so callers can stop
 * oversized input before it is all held in memory.
 */
export function* parseComponentsSteps(
  text: string,
  onBegin?: (name: string, line: number) => void,
): Generator<void, IcsComponent[]> {
  const lines = unfold(text);
  if (lines.length === 0 || lines[0].text.toUpperCase() !== "BEGIN:VCALENDAR") {
    throw new IcsImportError("This is not an iCalendar file: it must start with BEGIN:VCALENDAR");
  }
  const roots: IcsComponent[] = [];
  const stack: IcsComponent[] = [];
  for (const [n, { text: content, line }] of lines.entries()) {
    if (n > 0 && n % LINES_PER_STEP === 0) yield;
    const p = parseContentLine(content, line);
    if (p.name === "BEGIN") {
      const component = { name: p.value.trim().toUpperCase(), properties: [], components: [], line };
      if (stack.length === 0 && component.name !== "VCALENDAR") {
        throw new IcsImportError(`BEGIN:${component.name} outside of a VCALENDAR`, line);
      }
      onBegin?.(component.name, line);
      (stack.at(-1)?.components ?? roots).push(component);
      stack.push(component);
    } else if (p.name === "END") {
      const open = stack.pop();
      const name = p.value.trim().toUpperCase();
      if (!open) throw new IcsImportError(`END:${name} without a matching BEGIN`, line);
      if (open.name !== name) {
        throw new IcsImportError(`END:${name} does not close BEGIN:${open.name} from line ${open.line}`, line);
      }
    } else {
      const current = stack.at(-1);
      if (!current) throw new IcsImportError(`${p.name} appears outside of any component`, line);
      current.properties.push(p);
    }
  }
  const unclosed = stack.at(-1);
  if (unclosed)
    throw new IcsImportError(`BEGIN:${unclosed.name} is never closed with END:${unclosed.name}`, unclosed.line);
  return roots;
}
