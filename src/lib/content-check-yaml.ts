/**
 * YAML as Astro reads it (unquoted dates become `Date`s, impossible ones roll over), with the
 * line of every value kept, so a problem at `timeline[2].date` can name its line in the file.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/** A path into parsed data, as Zod reports it: keys and list indexes. */
export type DataPath = readonly PropertyKey[];

export interface ParsedYaml {
  /** The data, or undefined when the text does not parse. */
  data: unknown;
  /** Syntax errors, each with its line in the file. */
  errors: { line: number; message: string }[];
  /**
   * The file line of the deepest part of `path` that exists: a key's own line, a list item's
   * first line, or the line where the enclosing entry starts when a field is missing.
   */
  lineOf(path: DataPath): number;
}

/**
 * Parses `text`, which starts on line `firstLine` of its file. YAML 1.1 timestamps are on, as
 * in the js-yaml parser Astro uses, so the schema sees an unquoted date exactly as the build does.
 */
export function parseYaml(text: string, firstLine = 1): ParsedYaml {
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter, customTags: ['timestamp'], uniqueKeys: true });
  const lineAt = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  const errors = document.errors.map((error) => ({
    line: lineAt(error.pos[0]),
    message: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
  }));
  const lineOf = (path: DataPath): number => {
    let node: unknown = document.contents;
    let line = node && (node as Node).range ? lineAt((node as Node).range![0]) : firstLine;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
        if (!pair) break;
        if (isScalar(pair.key) && pair.key.range) line = lineAt(pair.key.range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key] as Node | undefined;
        if (!item) break;
        if (item.range) line = lineAt(item.range[0]);
        node = item;
      } else {
        break;
      }
    }
    return line;
  };
  return { data: errors.length > 0 ? undefined : document.toJS(), errors, lineOf };
}

export interface Frontmatter {
  /** The YAML between the fences. */
  yaml: string;
  /** File line of the YAML's first line (the one after the opening `---`). */
  yamlLine: number;
  /** Everything after the closing fence. */
  body: string;
  /** File line where `body` starts. */
  bodyLine: number;
}

/** The frontmatter block the way Astro finds it (optional blank lines, then `---` ... `---`). */
export function splitFrontmatter(source: string): Frontmatter | undefined {
  const match = /^(\uFEFF?(?:[ \t]*\r?\n)*)---[ \t]*\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) return undefined;
  const linesBefore = match[1]!.split('\n').length - 1;
  const yaml = match[2] ?? '';
  return {
    yaml,
    yamlLine: linesBefore + 2,
    body: source.slice(match[0].length),
    bodyLine: match[0].split('\n').length,
  };
}

/** `['timeline', 2, 'date']` -> `timeline[2].date`, the way problems name fields. */
export function fieldName(path: DataPath): string {
  return path.reduce<string>(
    (name, key) =>
      typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key),
    '',
  );
}

/** `timeline[2].date` -> `['timeline', 2, 'date']`. */
export function parseFieldName(field: string): PropertyKey[] {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((part) =>
    part[2] !== undefined ? Number(part[2]) : part[1]!,
  );
}
