/**
 * The article `npm run new` writes (src/cli/article-template.ts): every field there, valid as it
 * stands, a draft whose TODOs the content check lists as warnings, and refused by it once
 * published with its TODOs left in.
 * (The command itself, the placeholder photo and a real build: tests/content/scaffold.test.ts.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { articleTemplate, quoted } from '../../src/cli/article-template.ts';
import { checkContent, type ContentSource } from '../../src/schema/content-check.ts';
import { articleSchema } from '../../src/schema/content-check-schemas.ts';
import { splitFrontmatter } from '../../src/lib/yaml.ts';
import { formatProblem } from '../../src/lib/problem.ts';
import { projectRoot } from '../helpers/astro.ts';

const TODAY = '2025-09-04';
const text = articleTemplate({ headline: 'Leaders meet in Paris', today: TODAY, photo: 'lead.jpg' });
const frontmatter = parse(splitFrontmatter(text)!.yaml) as Record<string, any>;
/** The fields (and the body) where the template leaves a TODO, in the order they are reported. */
const TODO_FIELDS = [
  'dek',
  'dateline',
  'sources[0].name',
  'sources[0].description',
  'timeline[0].title',
  'timeline[0].body',
  'timeline[0].place',
  'timeline[0].source.name',
  'gallery[0].alt',
  'gallery[0].caption',
  'gallery[0].credit',
  'gallery[0].rights',
  'body',
];

/** The minimal fixture plus the scaffolded article, as the content check reads a folder. */
function withScaffold(article: string): ContentSource {
  const root = join(projectRoot, 'tests/fixtures/minimal');
  const files = new Map<string, Uint8Array>();
  for (const path of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (statSync(join(root, path)).isFile())
      files.set(path.split('\\').join('/'), readFileSync(join(root, path)));
  }
  files.set('articles/leaders-meet-in-paris/index.mdx', new TextEncoder().encode(article));
  files.set('articles/leaders-meet-in-paris/lead.jpg', new Uint8Array());
  return {
    label: 'content',
    files: [...files.keys()].sort(),
    read: (path) => files.get(path)!,
    imageFile: (dir, src) =>
      files.has(`${dir}/${src.replace(/^\.\//, '')}`) ? undefined : { problem: `no ${src}`, fix: 'add it' },
  };
}

describe('the new-article template', () => {
  it('is a draft, published today, with the headline as its title', () => {
    expect(frontmatter['draft']).toBe(true);
    expect(frontmatter['published']).toBe(TODAY);
    expect(frontmatter['title']).toBe('Leaders meet in Paris');
  });

  it('has every article, event and photo field (the optional dates as commented examples)', () => {
    const schema = articleSchema({ people: new Set(), countries: new Set() }, () => undefined);
    const articleFields = Object.keys(schema.shape);
    // `updated`, `timeZone` (the article's display zone), `datelineId`, `lang` and `story` are commented examples.
    expect(Object.keys(frontmatter).sort()).toEqual(
      articleFields
        .filter((key) => !['updated', 'timeZone', 'datelineId', 'lang', 'story'].includes(key))
        .sort(),
    );
    expect(text).toMatch(/^# story: [a-z0-9-]+ # /m);
    expect(text).toMatch(/^# datelineId: paris # /m);
    expect(text).toMatch(/^# lang: he # /m);
    expect(text).toMatch(/^dateline: .* # .*"timeZone: Asia\/Bangkok"$/m);
    expect(text).toMatch(/^# updated: '2025-09-04T18:00:00\+01:00'/m);
    expect(text).toMatch(/^#\s+- time: '2025-09-04T18:00:00\+01:00'\n#\s+kind: correction/m);
    const event = frontmatter['timeline'][0];
    expect(Object.keys(event).sort()).toEqual(
      ['body', 'countries', 'date', 'id', 'main', 'people', 'place', 'planned', 'source', 'title'].sort(),
    );
    expect(text).toMatch(/"after: main-event" instead of "date" \(and "sameDay: true"/);
    const photo = frontmatter['gallery'][0];
    expect(Object.keys(photo).sort()).toEqual(
      ['alt', 'caption', 'credit', 'id', 'people', 'placeholder', 'rights', 'src'].sort(),
    );
    expect(photo).toMatchObject({ src: './lead.jpg', placeholder: true });
  });

  it('passes the content check as a draft, which lists each TODO as a warning', async () => {
    const report = await checkContent(withScaffold(text));
    expect(report.problems.map(formatProblem)).toEqual([]);
    expect(report.warnings.map((warning) => warning.field)).toEqual(TODO_FIELDS);
    expect(report.warnings.every((warning) => warning.severity === 'warning')).toBe(true);
    expect(formatProblem(report.warnings.at(-1)!)).toBe(
      'warning: content/articles/leaders-meet-in-paris/index.mdx:50  body  still holds the "TODO" placeholder from "npm run new": write it before removing "draft: true"',
    );
  });

  it('is refused, field by field, once published with its TODOs', async () => {
    const report = await checkContent(withScaffold(text.replace(/^draft: true$/m, 'draft: false')));
    expect(report.warnings).toEqual([]);
    const fields = report.problems.map((problem) => problem.field);
    expect(fields).toEqual(TODO_FIELDS);
    expect(new Set(report.problems.map(({ problem, fix }) => `${problem}: ${fix}`))).toEqual(
      new Set([
        'still holds the "TODO" placeholder from "npm run new": write it, or keep "draft: true" until it is written',
      ]),
    );
  });

  it('is MDX text with nothing MDX would read as code', () => {
    const body = splitFrontmatter(text)!.body;
    expect(body).not.toMatch(/[<{]/);
  });

  it('quotes any headline so YAML reads it back exactly', () => {
    for (const headline of ["Zelensky: 'never' # ruled out", '2025-09-04', 'yes', 'Зеленський у Парижі']) {
      expect(parse(`title: ${quoted(headline)}`)).toEqual({ title: headline });
    }
    expect(quoted('  two\n lines  ')).toBe("'two lines'");
  });
});
