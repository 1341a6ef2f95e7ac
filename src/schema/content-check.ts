/**
 * The content rules, run over the whole content folder in one pass: by `npm run check:content`
 * and by the build's loaders before Astro reads an entry (src/schema/loaders.ts), so the two cannot
 * disagree and each rule runs once per build. Every problem comes back as one {@link Problem}:
 * `file:line  field  problem: fix`; the report keeps warnings (which stop nothing) apart from
 * the errors, so the loaders never see them.
 *
 * Order: the folder layout, then each file's bytes (UTF-8, size), its YAML (Astro's parser), its
 * schema (src/schema/schemas.ts, with registered ids and photo files checked), then the rules a schema
 * cannot express (src/schema/content-rules.ts) on entries that passed it. The Markdown body's own
 * checks (raw HTML, blocks) are remark plugins: the build runs them as it renders, and
 * `check:content` hands each body to `options.body`.
 */
import { posix } from 'node:path';
import type { z } from 'astro/zod';
import { limits } from '../site.ts';
import { badCharactersByLine } from '../lib/clean-text.ts';
import { articleFileProblems, dataFileProblems, UNREAD_FIX } from '../lib/content-files.ts';
import {
  articleSchema,
  countrySchema,
  organisationSchema,
  storySchema,
  personSchema,
  placeSchema,
  type KnownIds,
} from './content-check-schemas.ts';
import {
  fieldName,
  isTomlFrontmatter,
  parseFieldName,
  readYaml,
  splitFrontmatter,
  type ParsedYaml,
} from '../lib/yaml.ts';
import { articleFindings, bodyDepthFinding, countryCodeFindings, type Registry } from './content-rules.ts';
import type { DatedRole } from '../lib/entities.ts';
import { namesOf, type Mentionable } from '../lib/mentions.ts';
import {
  isWarning,
  onePerField,
  quoted,
  sortProblems,
  splitMessage,
  type Finding,
  type Problem,
} from '../lib/problem.ts';
import { isSlug, SLUG } from '../lib/slug.ts';

/** An article's file: `<slug>/index.md` or `<slug>/index.mdx`, under articles/. */
const ARTICLE_FILE = new RegExp(`^${SLUG}/index\\.mdx?$`);

/** The content folder, read through this interface so tests can hand in any tree. */
export interface ContentSource {
  /** The folder as shown in messages, e.g. 'content'. */
  label: string;
  /** Every regular file below it, relative, with '/' separators. */
  files: readonly string[];
  /** What listing the folder found wrong (links out of it, pipes, devices). */
  listingProblems?: readonly Problem[];
  /** The file's bytes, or only its size when that is over `maxBytes`: a huge file is never read. */
  read(path: string, maxBytes: number): Uint8Array | number;
  /**
   * Why an image path written in the folder `dir` (relative to the content folder) names no
   * usable image file inside it, or undefined when it does.
   */
  imageFile(dir: string, src: string): { problem: string; fix: string } | undefined;
  /** Short-Markdown checks for event bodies and update texts (src/markdown/markdown.ts). */
  shortMarkdown?: (text: string) => Finding[];
  /**
   * The characters of `text` the share-image fonts cannot draw, in the face a headline
   * (`title`) or a name or credit (`text`) is drawn in (src/share-image/render.ts).
   */
  undrawable?: (text: string, face: 'title' | 'text') => string[];
  /** The local images a body names, with their body lines (src/markdown/markdown.ts). */
  bodyImages?: (body: string) => { src: string; line: number | undefined }[];
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
  /** The errors: any one stops the build. */
  problems: Problem[];
  /** What stops nothing (a `TODO` left in a draft), each marked `severity: 'warning'`. */
  warnings: Problem[];
  checked: {
    articles: number;
    people: number;
    countries: number;
    organisations: number;
    places: number;
    stories: number;
  };
}

type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

const FIELD_REFERENCE = 'see "Adding an article" in docs/editors-guide.md';

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
  return typeof value === 'string' ? quoted(value) : String(value);
}

/**
 * The error map: Zod's own issues in the editor's terms. The schemas' messages carry their fix
 * (`said()` in src/lib/problem.ts) and pass through.
 */
function explain(issue: z.core.$ZodIssue, key: string): { problem: string; fix: string } {
  const own = splitMessage(issue.message);
  if (own.fix !== undefined) return { problem: own.problem, fix: own.fix };
  const input = (issue as { input?: unknown }).input;
  if (issue.code === 'invalid_type') {
    const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
    if (issue.path.length === 0 && input === null)
      return { problem: 'is empty', fix: 'write its fields, one "name: value" per line' };
    if (input === undefined)
      return { problem: 'missing', fix: `add "${key}" (${expected}); ${FIELD_REFERENCE}` };
    if (issue.expected === 'boolean')
      return {
        problem: `expected true or false, got ${describe(input)}`,
        fix: 'write true or false, without quotes',
      };
    if (issue.expected === 'string')
      return { problem: `expected text, got ${describe(input)}`, fix: 'put the value in quotes' };
    if (issue.expected === 'array')
      return {
        problem: `expected a list, got ${describe(input)}`,
        fix: 'write [a, b] or one "- item" line per entry',
      };
    return { problem: `expected ${expected}, got ${describe(input)}`, fix: FIELD_REFERENCE };
  }
  if (issue.code === 'invalid_value') {
    return {
      problem: `${describe(input)} is not allowed`,
      fix: `use ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}`,
    };
  }
  return { problem: own.problem, fix: FIELD_REFERENCE };
}

/** Schema issues as problems, each with its field and line. */
function schemaProblems(
  file: string,
  yaml: ParsedYaml,
  result: z.ZodSafeParseResult<unknown>,
  base: readonly PropertyKey[] = [],
): Problem[] {
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const path = [...base, ...issue.path, ...(issue.code === 'unrecognized_keys' ? [issue.keys[0]!] : [])];
    return {
      file,
      line: yaml.lineOf(path),
      field: fieldName(path) || '-',
      ...explain(issue, String(path.at(-1) ?? '')),
    };
  });
}

/** The line of the first byte that is not UTF-8, or undefined when the bytes are UTF-8. */
function firstNonUtf8Line(bytes: Uint8Array): number | undefined {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return undefined;
  } catch {
    // Decode growing prefixes a line at a time: a cut inside a character is not the error sought.
    let line = 1;
    let start = 0;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (let at = 0; at <= bytes.length; at++) {
      if (at < bytes.length && bytes[at] !== 0x0a) continue;
      try {
        decoder.decode(bytes.subarray(start, at));
      } catch {
        return line;
      }
      line++;
      start = at + 1;
    }
    return line;
  }
}

/** Checks the whole content folder and returns every problem found. */
export async function checkContent(source: ContentSource, options: CheckOptions = {}): Promise<CheckReport> {
  const problems: Problem[] = [...(source.listingProblems ?? [])];
  const label = (path: string) => `${source.label}/${path}`;
  const under = (folder: string) =>
    source.files.filter((path) => path.startsWith(`${folder}/`)).map((path) => path.slice(folder.length + 1));
  const add = (file: string, findings: readonly Finding[], lineOf?: ParsedYaml['lineOf']) => {
    for (const finding of findings) {
      const line =
        finding.line ?? (lineOf && finding.field !== '-' ? lineOf(parseFieldName(finding.field)) : undefined);
      problems.push({ file, ...finding, line });
    }
  };

  /** The text of a content file, or undefined (with a problem) when it is too big or not UTF-8. */
  const readText = (path: string): string | undefined => {
    const bytes = source.read(path, limits.fileBytes);
    if (typeof bytes === 'number') {
      add(label(path), [
        {
          field: '-',
          problem: `is ${bytes.toLocaleString('en')} bytes; a content file may be at most ${limits.fileBytes.toLocaleString('en')}`,
          fix: 'split it, or move long material out of it',
        },
      ]);
      return undefined;
    }
    const badLine = firstNonUtf8Line(bytes);
    if (badLine !== undefined) {
      add(label(path), [
        {
          field: '-',
          line: badLine,
          problem: 'is not UTF-8 (the first bad byte is on this line)',
          fix: 'save the file as UTF-8 in your editor',
        },
      ]);
      return undefined;
    }
    return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  };

  /** Texts drawn on share images that the fonts cannot draw: found here, not at the end of a build. */
  const drawable = (texts: readonly (readonly [string, string, 'title' | 'text'])[]): Finding[] => {
    const reported = new Set<string>();
    return texts.flatMap(([field, text, face]): Finding[] => {
      const missing = source.undrawable?.(text, face) ?? [];
      if (missing.length === 0 || reported.has(field)) return [];
      reported.add(field);
      return [
        {
          field,
          problem: `share images cannot draw "${missing.join('')}": no share-image font has a glyph for it (they cover Latin, Cyrillic, Greek, Thai, Arabic, Hebrew, Devanagari, Chinese, Japanese and Korean)`,
          fix: field.startsWith('nativeName')
            ? 'leave "nativeName" out until the share-image fonts cover this script (docs/sharing.md)'
            : 'write it in a script the share-image fonts cover, or add a Noto font for it (docs/sharing.md)',
        },
      ];
    });
  };

  // 1. Files the loaders would skip or overwrite, and anything else content/ holds that nothing reads.
  problems.push(
    ...articleFileProblems(label('articles'), under('articles')),
    ...dataFileProblems(label('people'), under('people')),
    ...dataFileProblems(label('organisations'), under('organisations')),
    ...dataFileProblems(label('places'), under('places')),
    ...dataFileProblems(label('stories'), under('stories')),
  );
  const DATA_FOLDERS = new Set(['articles', 'people', 'organisations', 'places', 'stories']);
  for (const path of source.files) {
    const top = path.split('/')[0]!;
    if (top.startsWith('.') || DATA_FOLDERS.has(top) || path === 'countries.yaml') continue;
    problems.push({ file: label(path), field: '-', problem: 'is not read', fix: UNREAD_FIX });
  }

  // 2. Countries: one list in countries.yaml. While it cannot be read, references to countries
  // are not judged: the file's own problem is the one to fix.
  let countryIds: Set<string> | undefined = new Set<string>();
  const mentionables: Mentionable[] = [];
  let countries = 0;
  if (!source.files.includes('countries.yaml')) {
    problems.push({
      file: label('countries.yaml'),
      field: '-',
      problem: 'is missing',
      fix: 'list the countries there, one "- id: ua" entry each',
    });
  } else {
    const file = label('countries.yaml');
    const text = readText('countries.yaml');
    const yaml = text === undefined ? undefined : readYaml(text);
    if (yaml) add(file, yaml.findings);
    if (!yaml || !Array.isArray(yaml.data)) countryIds = undefined;
    if (yaml && yaml.data !== undefined && !Array.isArray(yaml.data)) {
      problems.push({
        file,
        line: 1,
        field: '-',
        problem: `holds ${describe(yaml.data)}, not a list of countries`,
        fix: 'write one "- id: ua" entry per country',
      });
    }
    const seen = new Map<string, number>();
    (yaml && Array.isArray(yaml.data) ? yaml.data : []).forEach((entry: unknown, index) => {
      countries++;
      const result = countrySchema.safeParse(entry, { reportInput: true });
      problems.push(...schemaProblems(file, yaml!, result, [index]));
      if (!isObject(entry) || typeof entry['id'] !== 'string') return;
      const id = entry['id'];
      const first = seen.get(id);
      if (first !== undefined) {
        problems.push({
          file,
          line: yaml!.lineOf([index, 'id']),
          field: `[${index}].id`,
          problem: `duplicate country id "${id}" (also [${first}], line ${yaml!.lineOf([first, 'id'])})`,
          fix: 'keep one',
        });
      }
      seen.set(id, index);
      countryIds?.add(id);
      mentionables.push({ kind: 'country', id, names: namesOf(entry) });
      if (!result.success) return;
      add(file, drawable([[`[${index}].name`, result.data.name, 'title']]), yaml!.lineOf);
      add(
        file,
        countryCodeFindings(result.data).map((finding) => ({
          ...finding,
          field: `[${index}].${finding.field}`,
        })),
        yaml!.lineOf,
      );
    });
  }

  // 3. People: content/people/<id>.yaml. An entry that fails its schema is still a known id, and
  // the text may still name it, so an article is not reported as well: one mistake, one message.
  const entryFiles = (folder: string) =>
    under(folder).filter((path) => isSlug(path.replace(/\.yaml$/, '')) && path.endsWith('.yaml'));
  const idsOf = (files: readonly string[]) => new Set(files.map((path) => path.replace(/\.yaml$/, '')));
  const personFiles = entryFiles('people');
  // Organisations, places and stories (optional folders) are registered like people: one file per entry.
  const organisationFiles = entryFiles('organisations');
  const placeFiles = entryFiles('places');
  const storyFiles = entryFiles('stories');
  const known: KnownIds = {
    people: idsOf(personFiles),
    countries: countryIds,
    organisations: idsOf(organisationFiles),
    places: idsOf(placeFiles),
    stories: idsOf(storyFiles),
  };
  const placeNames = new Map<string, string[]>();
  for (const [folder, files, schema] of [
    ['organisations', organisationFiles, organisationSchema(known)],
    ['places', placeFiles, placeSchema(known)],
    ['stories', storyFiles, storySchema(known)],
  ] as const) {
    for (const path of files) {
      const file = label(`${folder}/${path}`);
      const text = readText(`${folder}/${path}`);
      if (text === undefined) continue;
      const yaml = readYaml(text);
      add(file, yaml.findings);
      if (yaml.data === undefined) continue;
      // Place names are not linked in the text: "Washington" and "Moscow" often stand for governments.
      if (folder === 'places' && isObject(yaml.data))
        placeNames.set(path.replace(/\.yaml$/, ''), namesOf(yaml.data));
      if (folder === 'organisations' && isObject(yaml.data))
        mentionables.push({
          kind: 'organisation',
          id: path.replace(/\.yaml$/, ''),
          names: namesOf(yaml.data),
        });
      const result = schema.safeParse(yaml.data, { reportInput: true });
      problems.push(...schemaProblems(file, yaml, result));
      // Their pages' share images draw the name as the title.
      if (result.success) {
        if ('title' in result.data) {
          add(file, drawable([['title', result.data.title, 'title']]), yaml.lineOf);
          continue;
        }
        const { name } = result.data;
        const short = 'shortName' in result.data ? result.data.shortName : undefined;
        add(
          file,
          drawable([['name', name, 'title'], ...(short ? [['shortName', short, 'text'] as const] : [])]),
          yaml.lineOf,
        );
      }
    }
  }
  const roles = new Map<string, readonly DatedRole[]>();
  const schemaOfPerson = personSchema(known);
  for (const path of personFiles) {
    const id = path.replace(/\.yaml$/, '');
    const file = label(`people/${path}`);
    const text = readText(`people/${path}`);
    if (text === undefined) continue;
    const yaml = readYaml(text);
    add(file, yaml.findings);
    if (yaml.data === undefined) continue;
    if (isObject(yaml.data)) mentionables.push({ kind: 'person', id, names: namesOf(yaml.data) });
    const result = schemaOfPerson.safeParse(yaml.data, { reportInput: true });
    problems.push(...schemaProblems(file, yaml, result));
    if (!result.success) continue;
    roles.set(id, result.data.roles);
    const { name, nativeName } = result.data;
    add(
      file,
      drawable([
        ['name', name, 'title'],
        ['name', name, 'text'],
        ...(nativeName ? [['nativeName.text', nativeName.text, 'text'] as const] : []),
        // The person's card names their latest role under the name.
        ...result.data.roles.map((role, index) => [`roles[${index}].title`, role.title, 'text'] as const),
      ]),
      yaml.lineOf,
    );
  }
  const registry: Registry = {
    people: known.people!,
    organisations: known.organisations!,
    placeNames,
    roles,
    countries: countryIds,
    mentionables,
  };

  // 4. Articles: content/articles/<slug>/index.md(x).
  const articleFiles = under('articles').filter((path) => ARTICLE_FILE.test(path));
  for (const path of articleFiles) {
    const relative = `articles/${path}`;
    const file = label(relative);
    const text = readText(relative);
    if (text === undefined) continue;
    const frontmatter = isTomlFrontmatter(text) ? undefined : splitFrontmatter(text);
    if (!frontmatter) {
      problems.push({
        file,
        line: 1,
        field: '-',
        problem: 'has no YAML frontmatter',
        fix: 'start the file with a "---" line, the fields, and another "---" line',
      });
      continue;
    }
    const yaml = readYaml(frontmatter.yaml, frontmatter.yamlLine);
    add(file, yaml.findings);
    const dir = posix.dirname(relative);
    const bodyProblems = bodyFindings(frontmatter.body, frontmatter.bodyLine);
    add(file, bodyProblems);
    // Parsed only when the text is within the limits: a parser is what those limits protect.
    if (bodyProblems.length === 0 && source.bodyImages) {
      for (const { src, line } of source.bodyImages(frontmatter.body)) {
        const found = source.imageFile(dir, src);
        if (found)
          add(file, [
            {
              field: 'body',
              line: line === undefined ? undefined : frontmatter.bodyLine + line - 1,
              ...found,
            },
          ]);
      }
    }
    if (yaml.data === undefined) continue;
    if (!isObject(yaml.data)) {
      problems.push({
        file,
        line: frontmatter.yamlLine,
        field: '-',
        problem: `the frontmatter holds ${describe(yaml.data)}`,
        fix: 'write fields, one "name: value" per line',
      });
      continue;
    }
    const schema = articleSchema(known, (src) => source.imageFile(dir, src));
    const result = schema.safeParse(yaml.data, { reportInput: true });
    problems.push(...schemaProblems(file, yaml, result));
    if (result.success) {
      const article = result.data;
      add(file, articleFindings(article, frontmatter.body, frontmatter.bodyLine, registry), yaml.lineOf);
      add(
        file,
        drawable([
          ['title', article.title, 'title'],
          // Every card of the article names the dateline in its footer.
          ['dateline', article.dateline, 'text'],
          ...article.timeline.map(
            (event, index) => [`timeline[${index}].title`, event.title, 'title'] as const,
          ),
          ...article.gallery.map(
            (photo, index) => [`gallery[${index}].credit`, photo.credit, 'text'] as const,
          ),
          // A placeholder's own card is a text card, its caption the title.
          ...article.gallery.flatMap((photo, index) =>
            photo.placeholder ? [[`gallery[${index}].caption`, photo.caption, 'title'] as const] : [],
          ),
        ]),
        yaml.lineOf,
      );
      if (source.shortMarkdown) {
        const short = source.shortMarkdown;
        article.timeline.forEach((event, index) =>
          add(
            file,
            short(event.body).map((finding) => ({ ...finding, field: `timeline[${index}].body` })),
            yaml.lineOf,
          ),
        );
        article.updates.forEach((update, index) =>
          add(
            file,
            short(update.text).map((finding) => ({ ...finding, field: `updates[${index}].text` })),
            yaml.lineOf,
          ),
        );
      }
    }
    // A body refused for its size or depth is not parsed: the limits are there to spare the parser.
    if (options.body && bodyProblems.length === 0)
      problems.push(...(await options.body({ path: relative, file, source: text, frontmatter: yaml.data })));
  }

  const found = sortProblems(onePerField(problems));
  return {
    problems: found.filter((problem) => !isWarning(problem)),
    warnings: found.filter(isWarning),
    checked: {
      articles: articleFiles.length,
      people: personFiles.length,
      countries,
      organisations: organisationFiles.length,
      places: placeFiles.length,
      stories: storyFiles.length,
    },
  };
}

/** Rules on an article body as written, before any Markdown parser sees it. */
function bodyFindings(body: string, bodyLine: number): Finding[] {
  const findings: Finding[] = [];
  const length = [...body].length;
  if (length > limits.body) {
    findings.push({
      field: 'body',
      line: bodyLine,
      problem: `is ${length} characters; an article may hold at most ${limits.body}`,
      fix: 'split it into several articles',
    });
    return findings;
  }
  // One finding per line: text pasted with a soft hyphen in every word is one mistake per line.
  const byLine = new Map<number, { column: number; name: string; code: string; count: number }>();
  for (const { line, column, character } of badCharactersByLine(body, bodyLine)) {
    const first = byLine.get(line);
    if (first) first.count++;
    else byLine.set(line, { column, name: character.name, code: character.code, count: 1 });
  }
  for (const [line, { column, name, code, count }] of byLine) {
    findings.push({
      field: 'body',
      line,
      problem: `contains ${name} (${code}) at column ${column}${count > 1 ? `, and ${count - 1} more such character${count > 2 ? 's' : ''} on this line` : ''}`,
      fix: 'delete it: retype the text around it if you cannot see it',
    });
  }
  const deep = bodyDepthFinding(body, bodyLine);
  if (deep) findings.push(deep);
  return findings;
}
