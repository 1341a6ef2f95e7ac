import { describe, expect, it } from 'vitest';
import { articleFileProblems, dataFileProblems } from '../../src/lib/content-files.ts';

const BASE = 'content/articles';

/** The files each problem names. */
const files = (problems: readonly { file: string }[]) => problems.map((problem) => problem.file);

describe('articleFileProblems', () => {
  it('accepts <slug>/index.md and <slug>/index.mdx folders with their images', () => {
    expect(
      articleFileProblems(BASE, [
        'coalition-of-the-willing-paris/index.md',
        'coalition-of-the-willing-paris/macron-welcomes-zelensky.jpg',
        'g7-summit-2025/index.mdx',
        'g7-summit-2025/photos/leaders.png',
      ]),
    ).toEqual([]);
  });

  it.each([
    ['a Markdown file at the top level', 'paris-meeting.md'],
    ['an MDX file at the top level', 'paris-meeting.mdx'],
    ['an underscore draft at the top level', '_draft.md'],
    ['a file not named index', 'paris-meeting/article.md'],
    ['a .markdown index', 'paris-meeting/index.markdown'],
    ['an upper-case INDEX.MD', 'paris-meeting/INDEX.MD'],
    ['an index nested one folder too deep', 'paris/meeting/index.md'],
    ['a second Markdown file beside the index', 'paris-meeting/notes.md'],
  ])('reports %s as not loaded', (_label, path) => {
    const problems = articleFileProblems(BASE, ['other-story/index.md', path]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toEqual({
      file: `${BASE}/${path}`,
      field: '-',
      problem: 'is not loaded',
      fix: 'an article is <slug>/index.md or <slug>/index.mdx: rename or move it',
    });
  });

  it.each([
    ['a leading underscore', '_draft-story'],
    ['upper-case letters', 'Paris-Meeting'],
    ['an underscore inside', 'paris_meeting'],
    ['a space', 'paris meeting'],
    ['a leading hyphen', '-paris'],
    ['a trailing hyphen', 'paris-'],
    ['a double hyphen', 'paris--meeting'],
    ['non-ASCII letters', 'réunion-paris'],
    ['a dot', 'paris.meeting'],
  ])('reports a folder name with %s as a bad slug', (_label, slug) => {
    const problems = articleFileProblems(BASE, ['other-story/index.md', `${slug}/index.md`]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: `${BASE}/${slug}/index.md`,
      field: '-',
      problem: `folder "${slug}" is not a valid slug`,
    });
  });

  it('tells the editor that drafts are not made with "_"', () => {
    const [problem] = articleFileProblems(BASE, ['_draft/index.md']);
    expect(problem!.fix).toMatch(/"draft: true", not "_"/);
  });

  it('accepts digits in slugs', () => {
    expect(articleFileProblems(BASE, ['2025-g7-summit/index.md', 'g7/index.mdx'])).toEqual([]);
  });

  it('reports index.md and index.mdx in one folder as one duplicate, naming both files', () => {
    const problems = articleFileProblems(BASE, [
      'paris-meeting/index.md',
      'paris-meeting/index.mdx',
      'other-story/index.md',
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe(`${BASE}/paris-meeting/`);
    expect(problems[0]!.problem).toContain('paris-meeting/index.md');
    expect(problems[0]!.problem).toContain('paris-meeting/index.mdx');
    expect(problems[0]!.problem).toContain('"paris-meeting"');
    expect(problems[0]!.fix).toBe('keep one');
  });

  it('reports an empty articles folder', () => {
    const problems = articleFileProblems(BASE, []);
    expect(problems).toEqual([
      {
        file: `${BASE}/`,
        field: '-',
        problem: 'holds no articles',
        fix: expect.stringMatching(/npm run new/),
      },
    ]);
  });

  it('reports a folder holding only images as an article without its index', () => {
    const problems = articleFileProblems(BASE, ['paris-meeting/photo.jpg', '.DS_Store', 'README.txt']);
    expect(files(problems)).toEqual([`${BASE}/paris-meeting/`]);
    expect(problems[0]!.problem).toMatch(/no index\.md or index\.mdx/);
  });

  it('reports a base with only loose non-article files as holding no articles', () => {
    const problems = articleFileProblems(BASE, ['.DS_Store', 'README.txt']);
    expect(files(problems)).toEqual([`${BASE}/`]);
    expect(problems[0]!.problem).toMatch(/holds no articles/);
  });

  it('does not add "holds no articles" on top of the files it already reported', () => {
    const problems = articleFileProblems(BASE, ['paris-meeting.md', 'Paris/index.md']);
    expect(files(problems)).toEqual([`${BASE}/paris-meeting.md`, `${BASE}/Paris/index.md`]);
  });

  it('reports every bad file at once, in listing order', () => {
    const problems = articleFileProblems(BASE, [
      'a/index.md',
      'b.md',
      'C/index.md',
      'd/index.md',
      'd/index.mdx',
      'e/draft.mdx',
    ]);
    expect(files(problems)).toEqual([
      `${BASE}/b.md`,
      `${BASE}/C/index.md`,
      `${BASE}/e/draft.mdx`,
      `${BASE}/d/`,
    ]);
  });

  it('ignores files that are not Markdown', () => {
    expect(
      articleFileProblems(BASE, ['paris/index.md', 'paris/photo.JPG', 'paris/notes.txt', 'cover.png']),
    ).toEqual([]);
  });

  it('prefixes paths with the base it was given', () => {
    expect(files(articleFileProblems('fixtures/articles', ['x.md']))).toEqual(['fixtures/articles/x.md']);
  });
});

describe('dataFileProblems', () => {
  const PEOPLE = 'content/people';

  it('accepts <id>.yaml files with lower-case kebab-case ids', () => {
    expect(dataFileProblems(PEOPLE, ['volodymyr-zelensky.yaml', 'jd-vance.yaml', 'g7-envoy-2.yaml'])).toEqual(
      [],
    );
  });

  it.each([
    ['a .yml extension', 'keir-starmer.yml'],
    ['upper-case letters', 'Keir-Starmer.yaml'],
    ['an underscore', 'keir_starmer.yaml'],
    ['an underscore draft', '_draft.yaml'],
    ['a sub-folder', 'uk/keir-starmer.yaml'],
    ['a JSON file', 'keir-starmer.json'],
    ['a Markdown file', 'README.md'],
    ['a double extension', 'keir-starmer.yaml.bak'],
    ['an upper-case extension', 'keir-starmer.YAML'],
  ])('reports %s as not loaded', (_label, path) => {
    const problems = dataFileProblems(PEOPLE, ['jd-vance.yaml', path]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: `${PEOPLE}/${path}`, field: '-', problem: 'is not loaded' });
    expect(problems[0]!.fix).toContain('<id>.yaml');
  });

  it('reports every bad file', () => {
    expect(files(dataFileProblems(PEOPLE, ['a.yml', 'b.yaml', 'C.yaml']))).toEqual([
      `${PEOPLE}/a.yml`,
      `${PEOPLE}/C.yaml`,
    ]);
  });
});
