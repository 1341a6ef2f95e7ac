/**
 * Frontmatter and YAML files read the way Astro reads them (`extractFrontmatter` and js-yaml's
 * `load`, Astro's own parser), so the rules see exactly the data the build will see. The `yaml`
 * package only locates: it keeps the line of every value, so a problem at `timeline[2].date`
 * names its line, and it finds aliases, merge keys and tags before any rule walks the data (an
 * alias bomb expands to billions of values in whatever walks it).
 */
import { extractFrontmatter } from '@astrojs/markdown-remark';
import { load, type YAMLException } from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from 'yaml';
import type { Finding } from './problem.ts';

/** A path into parsed data, as Zod reports it: keys and list indexes. */
export type DataPath = readonly PropertyKey[];

export interface ParsedYaml {
  /** The data, or undefined when the text was refused. */
  data: unknown;
  /** Why the text was refused (field '-'), each with its line in the file. */
  findings: Finding[];
  /**
   * The file line of the deepest part of `path` that exists: a key's own line, a list item's
   * first line, or the line where the enclosing entry starts when a field is missing.
   */
  lineOf(path: DataPath): number;
}

const YAML_FIX = 'check the indentation, and quote text that contains ": " or starts with a symbol';

/** Parses `text`, which starts on line `firstLine` of its file. */
export function readYaml(text: string, firstLine = 1): ParsedYaml {
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter, uniqueKeys: false, version: '1.1' });
  const lineAt = (offset: number) => counter.linePos(offset).line + firstLine - 1;
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

  // Before any data is built. The first such construct is reported: one alias bomb is one
  // mistake, not thousands of lines.
  const findings: Finding[] = [];
  const refuse = (
    node: { range?: [number, number, number] | null | undefined },
    problem: string,
    fix: string,
  ) => {
    findings.push({ field: '-', line: node.range ? lineAt(node.range[0]) : firstLine, problem, fix });
    return visit.BREAK;
  };
  visit(document, {
    Alias: (_, node) =>
      refuse(node, `YAML alias "*${node.source}" repeats another value`, 'write the value out in full'),
    Pair: (_, pair) =>
      isScalar(pair.key) && pair.key.source === '<<'
        ? refuse(pair.key, 'YAML merge key "<<" copies fields from elsewhere', 'write the fields out in full')
        : undefined,
    Node: (_, node) =>
      node.tag && node.tag !== 'tag:yaml.org,2002:str'
        ? refuse(
            node,
            `YAML tag "${node.tag.replace('tag:yaml.org,2002:', '!!')}"`,
            'remove it: write plain text, numbers, lists and fields',
          )
        : undefined,
  });
  if (findings.length > 0) return { data: undefined, findings, lineOf };

  let data: unknown;
  try {
    data = load(text);
  } catch (error) {
    const { reason, mark } = error as YAMLException;
    const line = mark ? mark.line + firstLine : firstLine;
    const fix = reason.startsWith('duplicated mapping key') ? 'keep one of the two' : YAML_FIX;
    return {
      data: undefined,
      findings: [{ field: '-', line, problem: `YAML syntax: ${reason}`, fix }],
      lineOf,
    };
  }

  // An empty file or block is no data at all to js-yaml: null, so the schema says what is missing.
  return { data: data ?? null, findings: [], lineOf };
}

export interface Frontmatter {
  /** The YAML between the fences. */
  yaml: string;
  /** File line the YAML text starts on (its first character follows the opening fence). */
  yamlLine: number;
  /** Everything after the closing fence. */
  body: string;
  /** File line where `body` starts. */
  bodyLine: number;
}

/** The frontmatter block exactly as Astro finds it, or undefined when there is none. */
export function splitFrontmatter(source: string): Frontmatter | undefined {
  const yaml = extractFrontmatter(source);
  if (yaml === undefined) return undefined;
  // Only white space comes before the opening fence, so the first fence in the file is that one.
  const start = source.search(/---|\+\+\+/) + 3;
  const end = start + yaml.length + 3;
  const linesBefore = (text: string) => text.split('\n').length;
  return {
    yaml,
    yamlLine: linesBefore(source.slice(0, start)),
    body: source.slice(end),
    bodyLine: linesBefore(source.slice(0, end)),
  };
}

/** Whether the frontmatter is fenced with `+++` (TOML), which Astro reads but Backstory does not. */
export function isTomlFrontmatter(source: string): boolean {
  return /^(?:\uFEFF|\s*\n)?\+\+\+/.test(source);
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
