/**
 * `npm run check:content`: every article, person and country checked in one pass, every problem
 * reported as `file:line  field  problem: how to fix`. Runs in plain Node, without Astro: the
 * schemas are the build's own (`src/schemas.ts`, bound in `content-check-schemas.ts`), and the
 * cross-entry rules are `src/lib/integrity.ts`, `timeline.ts`, `content-files.ts` and
 * `mentions.ts`, so the checker and the build cannot disagree. The Markdown body is checked by a
 * callback (the CLI runs the build's own remark plugins).
 */
import { posix } from 'node:path';
import type { z } from 'astro/zod';
import { articleFileProblems, dataFileProblems } from './content-files';
import { articleSchema, countrySchema, personSchema } from './content-check-schemas';
import {
  lengthProblems,
  lenientFacts,
  placeholderProblems,
  roleProblems,
  timelineOrderProblems,
  unlinkedProblems,
  type RuleProblem,
} from './content-check-rules';
import {
  fieldName,
  parseFieldName,
  parseYaml,
  splitFrontmatter,
  type ParsedYaml,
} from './content-check-yaml';
import type { DatedRole } from './entities';
import { articleProblems, personProblems, unlistedMentionProblems, type Known } from './integrity';
import { mentionedIn, type Mentionable } from './mentions';
import { updateProblems } from './updates';

export interface Problem {
  /** The file as the editor finds it, e.g. 'content/articles/x/index.md'. */
  file: string;
  line?: number | undefined;
  /** The field, e.g. 'timeline[2].date'; 'body' for the text, '-' for the whole file. */
  field: string;
  /** What is wrong, then how to fix it. */
  message: string;
}

/** The content folder, read through this interface so tests can hand in any tree. */
export interface ContentSource {
  /** The folder as shown in messages, e.g. 'content'. */
  label: string;
  /** Every file below it, relative, with '/' separators. */
  files: readonly string[];
  read(path: string): string;
  exists(path: string): boolean;
}

/** One article's body, for the Markdown checks. */
export interface BodyInput {
  /** Relative to the content folder: 'articles/<slug>/index.md'. */
  path: string;
  /** As shown in messages. */
  file: string;
  source: string;
  frontmatter: Record<string, unknown>;
}

export interface CheckOptions {
  /** Problems in an article's Markdown body (raw HTML, unsafe links, blocks). */
  body?: (input: BodyInput) => Promise<Problem[]>;
}

export interface CheckReport {
  problems: Problem[];
  checked: { articles: number; people: number; countries: number };
}

type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** A fix for integrity and schema messages that say what is wrong but not what to do. */
const FIXES: [RegExp, string][] = [
  [/^duplicate event id/, 'give each event its own id'],
  [/^duplicate photo id/, 'give each photo its own id'],
  [/is before "published" \([^)]*\)$/, 'correct the date, or remove "updated"'],
  [/the "after" links form a loop$/, 'give one of these events its "date"'],
  [/^only one event can be the main event/, 'remove "main: true" from one of them'],
  [
    /needs a "date" or an "after"$/,
    'add the date the source gives, or "after: <id>" for an event it does not date',
  ],
  [/"sameDay" needs "after"$/, 'add "after: <id>", or remove "sameDay"'],
  [/"time" and "timeZone" go together$/, 'add the missing one, or remove "time"'],
];

function withFix(message: string): string {
  const fix = FIXES.find(([pattern]) => pattern.test(message));
  return fix ? `${message}: ${fix[1]}` : message;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
  number: 'a number',
};

function describe(value: unknown): string {
  if (value instanceof Date) return 'a date';
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'nothing';
  if (typeof value === 'object') return 'a group of fields';
  return JSON.stringify(value);
}

/** Zod's generic messages in the editor's terms; the schemas' own messages pass through. */
function explain(issue: z.core.$ZodIssue, key: string): string {
  const input = (issue as { input?: unknown }).input;
  if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')) {
    const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
    if (input === undefined)
      return `missing: add "${key}" (${expected}); see "Adding an article" in README.md`;
    if (issue.expected === 'boolean')
      return `expected true or false, got ${describe(input)}: write true or false, without quotes`;
    if (issue.expected === 'string') return `expected text, got ${describe(input)}: put the value in quotes`;
    if (issue.expected === 'array')
      return `expected a list, got ${describe(input)}: write [a, b] or one "- item" line per entry`;
    return `expected ${expected}, got ${describe(input)}`;
  }
  if (issue.code === 'invalid_value' && issue.message.startsWith('Invalid option')) {
    return `${describe(input)} is not allowed: use ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}`;
  }
  return withFix(issue.message);
}

/** Schema issues as problems, each with its field and line. */
function schemaProblems(
  file: string,
  yaml: ParsedYaml,
  schema: z.ZodType,
  data: unknown,
  base: readonly PropertyKey[] = [],
): Problem[] {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const path = [...base, ...issue.path, ...(issue.code === 'unrecognized_keys' ? [issue.keys[0]!] : [])];
    const key = String(path.at(-1) ?? '');
    return { file, line: yaml.lineOf(path), field: fieldName(path) || '-', message: explain(issue, key) };
  });
}

interface ParsedEntry {
  file: string;
  yaml: ParsedYaml;
  data: unknown;
}

/** Reads a YAML file or frontmatter block; a syntax error becomes a problem and no data. */
function readYaml(file: string, text: string, firstLine: number, problems: Problem[]): ParsedEntry {
  const yaml = parseYaml(text, firstLine);
  for (const error of yaml.errors) {
    problems.push({
      file,
      line: error.line,
      field: '-',
      message: `YAML syntax: ${error.message}: check the indentation, and quote text that contains ": " or starts with a symbol`,
    });
  }
  return { file, yaml, data: yaml.data };
}

/** Checks the whole content folder and returns every problem found. */
export async function checkContent(source: ContentSource, options: CheckOptions = {}): Promise<CheckReport> {
  const problems: Problem[] = [];
  const label = (path: string) => `${source.label}/${path}`;
  const under = (folder: string) =>
    source.files.filter((path) => path.startsWith(`${folder}/`)).map((path) => path.slice(folder.length + 1));

  // 1. Files the loaders would skip or overwrite, and anything else content/ holds that nothing reads.
  for (const { file, problem } of [
    ...articleFileProblems(label('articles'), under('articles')),
    ...dataFileProblems(label('people'), under('people')),
  ]) {
    problems.push({ file, field: '-', message: withFix(problem) });
  }
  for (const path of source.files) {
    const top = path.split('/')[0]!;
    if (top.startsWith('.') || top === 'articles' || top === 'people' || path === 'countries.yaml') continue;
    problems.push({
      file: label(path),
      field: '-',
      message:
        'is not read: content/ holds articles/<slug>/index.md, people/<id>.yaml and countries.yaml; move or remove it',
    });
  }

  // 2. Countries: one list in countries.yaml.
  const countryIds = new Set<string>();
  const mentionables: Mentionable[] = [];
  let countries = 0;
  if (!source.files.includes('countries.yaml')) {
    problems.push({
      file: label('countries.yaml'),
      field: '-',
      message: 'is missing: list the countries there, one "- id: ua" entry each',
    });
  } else {
    const file = label('countries.yaml');
    const { yaml, data } = readYaml(file, source.read('countries.yaml'), 1, problems);
    if (data !== undefined && !Array.isArray(data)) {
      problems.push({
        file,
        line: 1,
        field: '-',
        message: 'expected a list of countries: one "- id: ua" entry each',
      });
    }
    const seen = new Map<string, number>();
    (Array.isArray(data) ? data : []).forEach((entry: unknown, index) => {
      countries++;
      problems.push(...schemaProblems(file, yaml, countrySchema, entry, [index]));
      if (!isObject(entry) || typeof entry['id'] !== 'string') return;
      const id = entry['id'];
      const first = seen.get(id);
      if (first !== undefined) {
        problems.push({
          file,
          line: yaml.lineOf([index, 'id']),
          field: `[${index}].id`,
          message: `duplicate country id "${id}" (also [${first}], line ${yaml.lineOf([first, 'id'])}): keep one`,
        });
      }
      seen.set(id, index);
      countryIds.add(id);
      mentionables.push({ kind: 'country', id, names: namesOf(entry) });
    });
  }

  // 3. People: content/people/<id>.yaml.
  const personFiles = under('people').filter((path) => /^[a-z0-9]+(?:-[a-z0-9]+)*\.yaml$/.test(path));
  const people = new Map<string, { file: string; roles: readonly DatedRole[] }>();
  const known: Known = {
    people: new Set(personFiles.map((path) => path.replace(/\.yaml$/, ''))),
    countries: countryIds,
  };
  for (const path of personFiles) {
    const id = path.replace(/\.yaml$/, '');
    const file = label(`people/${path}`);
    const { yaml, data } = readYaml(file, source.read(`people/${path}`), 1, problems);
    if (data === undefined) continue;
    const result = personSchema.safeParse(data);
    problems.push(...schemaProblems(file, yaml, personSchema, data));
    if (isObject(data)) mentionables.push({ kind: 'person', id, names: namesOf(data) });
    if (result.success) {
      people.set(id, { file, roles: result.data.roles });
      problems.push(
        ...personProblems(file, result.data.country, known).map((problem) => ({
          ...problem,
          line: yaml.lineOf(parseFieldName(problem.field)),
        })),
      );
    }
  }

  // 4. Articles: content/articles/<slug>/index.md(x).
  const articleFiles = under('articles').filter((path) =>
    /^[a-z0-9]+(?:-[a-z0-9]+)*\/index\.mdx?$/.test(path),
  );
  for (const path of articleFiles) {
    const relative = `articles/${path}`;
    const file = label(relative);
    const text = source.read(relative);
    const frontmatter = splitFrontmatter(text);
    if (!frontmatter) {
      problems.push({
        file,
        line: 1,
        field: '-',
        message: 'has no frontmatter: start the file with a "---" line, the fields, and another "---" line',
      });
      continue;
    }
    const { yaml, data } = readYaml(file, frontmatter.yaml, frontmatter.yamlLine, problems);
    if (data === undefined) continue;
    if (!isObject(data)) {
      problems.push({
        file,
        line: frontmatter.yamlLine,
        field: '-',
        message: 'the frontmatter must be fields ("title: ...")',
      });
      continue;
    }
    const at = (problem: RuleProblem | { field: string; message: string }): Problem => ({
      file,
      line:
        'line' in problem && problem.line !== undefined
          ? problem.line
          : yaml.lineOf(parseFieldName(problem.field)),
      field: problem.field,
      message: withFix(problem.message),
    });
    const schema = articleSchema({
      dir: posix.dirname(relative),
      label: source.label,
      exists: source.exists,
    });
    problems.push(...schemaProblems(file, yaml, schema, data));
    const facts = lenientFacts(file, data);
    problems.push(
      ...articleProblems(facts, known).map(at),
      ...updateProblems(facts).map(at),
      ...unlistedMentionProblems(file, mentionedIn(frontmatter.body, mentionables), facts).map(at),
      ...lengthProblems(data).map(at),
      ...timelineOrderProblems(facts).map(at),
      ...unlinkedProblems(data, known).map(at),
      ...roleProblems(facts, people).map(at),
      ...placeholderProblems(data, frontmatter.body, frontmatter.bodyLine).map(at),
    );
    if (options.body)
      problems.push(...(await options.body({ path: relative, file, source: text, frontmatter: data })));
  }

  return {
    problems: sortProblems(dedupe(problems)),
    checked: { articles: articleFiles.length, people: personFiles.length, countries },
  };
}

function namesOf(entry: Raw): string[] {
  const aliases = Array.isArray(entry['aliases']) ? entry['aliases'] : [];
  return [entry['name'], ...aliases].filter(
    (name): name is string => typeof name === 'string' && name.trim() !== '',
  );
}

function dedupe(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = formatProblem(problem);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** By file, then line; problems without a line (whole files and folders) first. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort(
      (a, b) =>
        a.problem.file.localeCompare(b.problem.file) ||
        (a.problem.line ?? 0) - (b.problem.line ?? 0) ||
        a.index - b.index,
    )
    .map(({ problem }) => problem);
}

/** `file:line  field  message`, the line left out when unknown. */
export function formatProblem({ file, line, field, message }: Problem): string {
  return `${line === undefined ? file : `${file}:${line}`}  ${field}  ${message}`;
}

/** Reads back a line in that format (the remark plugins write it). */
export function parseProblem(text: string): Problem | undefined {
  const match = /^(.+?)(?::(\d+|\?))?  (.+?)  ([\s\S]+)$/.exec(text.trim());
  if (!match) return undefined;
  const line = match[2] && match[2] !== '?' ? Number(match[2]) : undefined;
  return { file: match[1]!, line, field: match[3]!, message: match[4]! };
}
