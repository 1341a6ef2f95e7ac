/**
 * `checkContent` (src/schema/content-check.ts), the core of `npm run check:content`, on in-memory
 * copies of the minimal fixture with one rule broken per test. Each expects the exact problem
 * line an editor reads: `file:line  field  problem: how to fix`. (The Markdown body checks and
 * the command itself run in tests/content/check.test.ts.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, type ContentSource } from '../../src/schema/content-check.ts';
import { bodyLineOffset } from '../../src/lib/content-files.ts';
import { formatProblem, type Problem } from '../../src/lib/problem.ts';
import { limits } from '../../src/site.ts';
import { projectRoot } from '../helpers/astro.ts';

const MINIMAL = join(projectRoot, 'tests/fixtures/minimal');
const ARTICLE = 'articles/sample-story/index.md';
const FILE = `content/${ARTICLE}`;

function readTree(root: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const path of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (statSync(join(root, path)).isFile())
      files.set(path.split('\\').join('/'), readFileSync(join(root, path)));
  }
  return files;
}

/** A copy of the minimal fixture to break; `lines()` checks it and returns the formatted problems. */
class Tree {
  readonly files: Map<string, Uint8Array>;
  listingProblems: Problem[] | undefined;

  constructor(root = MINIMAL) {
    this.files = readTree(root);
  }

  text(path: string): string {
    return new TextDecoder().decode(this.files.get(path)!);
  }

  replace(path: string, search: string, replacement: string): this {
    const text = this.text(path);
    expect(text.split(search), `"${search}" once in ${path}`).toHaveLength(2);
    return this.write(
      path,
      text.replace(search, () => replacement),
    );
  }

  write(path: string, text: string | Uint8Array): this {
    this.files.set(path, typeof text === 'string' ? new TextEncoder().encode(text) : text);
    return this;
  }

  remove(path: string): this {
    this.files.delete(path);
    return this;
  }

  get source(): ContentSource {
    return {
      label: 'content',
      files: [...this.files.keys()].sort(),
      ...(this.listingProblems && { listingProblems: this.listingProblems }),
      read: (path, maxBytes) => {
        const bytes = this.files.get(path)!;
        return bytes.length > maxBytes ? bytes.length : bytes;
      },
      // A stand-in for checkContentFile (src/files/content-on-disk.ts): only whether the file is there.
      imageFile: (dir, src) => {
        const path = posix.join(dir, src);
        return this.files.has(path)
          ? undefined
          : { problem: `image file "${src}" not found (expected content/${path})`, fix: 'put it there' };
      },
    };
  }

  async lines(): Promise<string[]> {
    return (await checkContent(this.source)).problems.map(formatProblem);
  }
}

const tree = () => new Tree();
/** The fixture's line number of the first line containing `text`. */
const lineOf = (t: Tree, path: string, text: string) =>
  t
    .text(path)
    .split('\n')
    .findIndex((line) => line.includes(text)) + 1;

describe('checkContent on valid content', () => {
  it('finds nothing wrong with the minimal fixture and counts what it checked', async () => {
    const report = await checkContent(tree().source);
    expect(report.problems).toEqual([]);
    expect(report.checked).toEqual({
      articles: 1,
      people: 2,
      countries: 2,
      organisations: 0,
      places: 0,
      stories: 0,
    });
  });

  it('finds nothing wrong with the real content', async () => {
    const report = await checkContent(new Tree(join(projectRoot, 'content')).source);
    expect(report.problems.map(formatProblem)).toEqual([]);
  });
});

describe('schema problems, with file, line and field', () => {
  it('an unknown key names the key on its own line', async () => {
    const t = tree().replace(ARTICLE, 'dateline: Paris\n', 'dateline: Paris\nsubtitle: An extra key\n');
    expect(await t.lines()).toEqual([
      `${FILE}:5  subtitle  unknown field "subtitle": check its spelling, or remove it`,
    ]);
  });

  it('an unquoted date says why and how to write it', async () => {
    const t = tree().replace(ARTICLE, "published: '2025-09-04'", 'published: 2025-09-04');
    const [line] = await t.lines();
    expect(line).toMatch(
      /^content\/articles\/sample-story\/index\.md:6 {2}published {2}unquoted date: YAML turns it into a timestamp at UTC midnight: write it as a quoted ISO date such as '2025-09-04'/,
    );
  });

  it('a missing required field says which field to add', async () => {
    const t = tree().replace(ARTICLE, 'byline: Backstory staff\n', '');
    expect(await t.lines()).toEqual([
      `${FILE}:2  byline  missing: add "byline" (text); see "Adding an article" in docs/editors-guide.md`,
    ]);
  });

  it('a boolean written as "yes" asks for true or false', async () => {
    const t = tree().replace(ARTICLE, 'placeholder: false', 'placeholder: yes');
    expect(await t.lines()).toEqual([
      `${FILE}:30  gallery[0].placeholder  expected true or false, got "yes": write true or false, without quotes`,
    ]);
  });

  it('an impossible timeline date points at the event line', async () => {
    const t = tree().replace(ARTICLE, "date: '2025-09-01'", "date: '2025-02-30'");
    const [line] = await t.lines();
    expect(line).toMatch(
      /^content\/articles\/sample-story\/index\.md:11 {2}timeline\[0\]\.date {2}"2025-02-30" is not a real calendar date/,
    );
  });

  it('a YAML syntax error names its line and stops only that file', async () => {
    const t = tree()
      .replace(ARTICLE, 'dateline: Paris', 'dateline: Paris: France')
      .replace('people/ben-example.yaml', 'country: gb', 'country: zz');
    expect(await t.lines()).toEqual([
      `${FILE}:4  -  YAML syntax: bad indentation of a mapping entry: check the indentation, and quote text that contains ": " or starts with a symbol`,
      expect.stringMatching(/^content\/people\/ben-example\.yaml:5 {2}country {2}unknown country "zz": /),
    ]);
  });

  it('a file without frontmatter says how to start one', async () => {
    const t = tree().write(ARTICLE, 'Just text.\n');
    expect(await t.lines()).toEqual([
      `${FILE}:1  -  has no YAML frontmatter: start the file with a "---" line, the fields, and another "---" line`,
    ]);
  });
});

describe('photos', () => {
  it('a missing image file names the expected path', async () => {
    const t = tree().remove('articles/sample-story/photo.jpg');
    expect(await t.lines()).toEqual([
      `${FILE}:24  gallery[0].src  image file "./photo.jpg" not found (expected content/articles/sample-story/photo.jpg): put it there`,
    ]);
  });

  it('alt text that repeats the caption (case and punctuation aside) is refused', async () => {
    const t = tree().replace(
      ARTICLE,
      'alt: Two ministers shaking hands in front of flags.',
      'alt: ada example (l) greets Ben Example in Paris',
    );
    expect(await t.lines()).toEqual([
      `${FILE}:25  gallery[0].alt  photo "ministers": the alt text repeats the caption: describe what the image shows`,
    ]);
  });
});

describe('timeline', () => {
  it('an unplanned event after publication', async () => {
    const t = tree().replace(ARTICLE, "date: '2025-09-01'", "date: '2025-09-10'");
    expect(await t.lines()).toEqual([
      `${FILE}:11  timeline[0].date  event "talks-begin" is dated 2025-09-10, after the article's publication (2025-09-04): mark it "planned: true" or correct the date`,
    ]);
  });

  it('dated events listed out of time order', async () => {
    const t = tree().replace(
      ARTICLE,
      'gallery:\n',
      "  - id: earlier\n    date: '2025-08-20'\n    title: Earlier talks\n    body: Officials met.\ngallery:\n",
    );
    expect(await t.lines()).toEqual([
      `${FILE}:23  timeline[2].date  event "earlier" (2025-08-20) is listed below "talks-begin" (2025-09-01): keep the timeline oldest first: move it up`,
    ]);
  });

  it('an undated event listed above the event it follows', async () => {
    const t = tree()
      .replace(ARTICLE, 'after: talks-begin', 'after: wrap-up')
      .replace(
        ARTICLE,
        'gallery:\n',
        "  - id: wrap-up\n    date: '2025-09-02'\n    title: Wrap-up\n    body: Talks ended.\ngallery:\n",
      );
    expect(await t.lines()).toEqual([
      `${FILE}:18  timeline[1].after  event "joint-statement" follows "wrap-up", which is listed below it: move it below "wrap-up"`,
    ]);
  });

  it('a planned event dated before publication', async () => {
    const t = tree().replace(
      ARTICLE,
      "    date: '2025-09-01'\n",
      "    date: '2025-09-01'\n    planned: true\n",
    );
    expect(await t.lines()).toEqual([
      `${FILE}:12  timeline[0].planned  event "talks-begin" is "planned" but dated 2025-09-01, before the article's publication (2025-09-04): remove "planned: true" if it happened, or correct the date`,
    ]);
  });

  it('a duplicate event id gets a fix as well', async () => {
    const t = tree()
      .replace(ARTICLE, 'id: joint-statement', 'id: talks-begin')
      .replace(ARTICLE, 'after: talks-begin', "date: '2025-09-02'");
    expect(await t.lines()).toEqual([
      `${FILE}:17  timeline[1].id  duplicate event id "talks-begin" (also timeline[0]): give each event its own id`,
    ]);
  });
});

describe('people and countries', () => {
  it('a registered person named in the text but not listed', async () => {
    const t = tree()
      .replace(ARTICLE, 'people: [ada-example, ben-example]\ncountries', 'people: [ada-example]\ncountries')
      .replace(
        ARTICLE,
        'Ministers met in Paris on Sept. 4.',
        'Ministers met in Paris on Sept. 4. Ben Example spoke.',
      );
    expect(await t.lines()).toEqual([
      `${FILE}:7  people  the text names "Ben Example" but "people" does not list "ben-example": add "ben-example" to "people"`,
    ]);
  });

  it('an unknown person id', async () => {
    const t = tree().replace(
      ARTICLE,
      'people: [ada-example, ben-example]\ncountries',
      'people: [ada-example, nobody]\ncountries',
    );
    expect(await t.lines()).toEqual([
      `${FILE}:7  people[1]  unknown person "nobody": add it to content/people/<id>.yaml, or fix the id`,
    ]);
  });

  it('a listed person with no role on the article date', async () => {
    const t = tree().replace('people/ben-example.yaml', "from: '2024-07-05'", "from: '2025-10-01'");
    expect(await t.lines()).toEqual([
      `${FILE}:7  people[1]  ben-example holds no role on the article's date (2025-09-04): add the role held then to "roles" in content/people/ben-example.yaml (leave out "from" when the report does not say when it began)`,
    ]);
  });

  it('a person without roles, with a role without a start date, or with an honorific', async () => {
    const noRoles = tree().write('people/ben-example.yaml', 'name: Ben Example\ncountry: gb\n');
    expect(await noRoles.lines()).toEqual([]);
    const undated = tree()
      .replace('people/ben-example.yaml', "    from: '2024-07-05'\n", '')
      .replace(
        'people/ada-example.yaml',
        'name: Ada Example\n',
        "name: Ada Example\nhonorific: 'Pol. Gen.'\n",
      );
    expect(await undated.lines()).toEqual([]);
    const ended = tree().replace('people/ben-example.yaml', "from: '2024-07-05'", "until: '2025-01-01'");
    expect((await ended.lines()).map((line) => line.split('  ').slice(0, 2).join('  '))).toEqual([
      `${FILE}:7  people[1]`,
    ]);
  });

  it('an id in "unlinked" that names nobody', async () => {
    const t = tree().replace(
      ARTICLE,
      'countries: [fr, gb]\n',
      'countries: [fr, gb]\nunlinked: [ada-exmaple]\n',
    );
    expect(await t.lines()).toEqual([
      `${FILE}:9  unlinked[0]  "ada-exmaple" is not the id of a person, organisation or country: fix the id, or remove it`,
    ]);
  });

  it('a duplicate country id, and a country with a bad id', async () => {
    const t = tree().write(
      'countries.yaml',
      '- id: fr\n  name: France\n- id: GB\n  name: United Kingdom\n- id: fr\n  name: France again\n',
    );
    // "gb" is not registered ("GB" is refused), so the entries naming it are reported too.
    expect(
      (await t.lines()).map((line) => line.replace(/ unknown country "gb": .*/, ' unknown country "gb"')),
    ).toEqual([
      `${FILE}:8  countries[1]  unknown country "gb"`,
      `${FILE}:21  timeline[1].countries[0]  unknown country "gb"`,
      `content/countries.yaml:3  [1].id  "GB" is not a country code: use the ISO 3166-1 alpha-2 code in lower case, e.g. 'ua'`,
      'content/countries.yaml:5  [2].id  duplicate country id "fr" (also [0], line 1): keep one',
      'content/people/ben-example.yaml:5  country  unknown country "gb"',
    ]);
  });

  it("a country id that is another country's ISO code, at its line", async () => {
    const t = tree().replace(
      'countries.yaml',
      'name: United Kingdom',
      'name: United Kingdom\n  aliases: [Britain]',
    );
    expect(await t.lines()).toEqual([]);
    const wrong = tree().write(
      'countries.yaml',
      '- id: fr\n  name: France\n- id: gb\n  name: United Kingdom\n- id: my\n  name: Myanmar\n',
    );
    expect(await wrong.lines()).toEqual([
      'content/countries.yaml:5  [2].id  "my" is Malaysia; Myanmar is "mm": change the id to "mm", and "my" to "mm" wherever people and articles name this country',
    ]);
  });
});

describe('length limits', () => {
  it('a title over 70 and a dek over 200 characters, saying why', async () => {
    const t = tree()
      .replace(
        ARTICLE,
        'title: Ministers meet in Paris',
        `title: ${'Ministers meet in Paris '.repeat(3).trim()}`,
      )
      .replace(
        ARTICLE,
        'dek: A short fixture article used by the content tests.',
        `dek: ${'A short fixture article. '.repeat(9).trim()}`,
      );
    expect(await t.lines()).toEqual([
      `${FILE}:2  title  is 71 characters; search results and link previews show about 70: shorten it to 70 or fewer`,
      `${FILE}:3  dek  is 224 characters; link previews show about 200: shorten it to 200 or fewer`,
    ]);
  });

  it('counts characters, not bytes: 70 Cyrillic letters pass', async () => {
    const t = tree().replace(ARTICLE, 'title: Ministers meet in Paris', `title: ${'Ж'.repeat(70)}`);
    expect(await t.lines()).toEqual([]);
  });
});

describe('files the loaders would skip', () => {
  it('lists every one: underscore draft folder, loose file, duplicate slug, bad person file, stray file', async () => {
    const article = tree().files.get(ARTICLE)!;
    const t = tree()
      .write('articles/_draft/index.md', article)
      .write('articles/foo.md', article)
      .write('articles/sample-story/index.mdx', article)
      .write('people/Bad.yml', 'name: Bad\n')
      .write('countries.yml', '- id: fr\n  name: France\n');
    expect(await t.lines()).toEqual([
      'content/articles/_draft/index.md  -  folder "_draft" is not a valid slug: use lower-case ASCII letters, digits and hyphens (drafts use "draft: true", not "_")',
      'content/articles/foo.md  -  is not loaded: an article is <slug>/index.md or <slug>/index.mdx: rename or move it',
      'content/articles/sample-story/  -  has sample-story/index.md and sample-story/index.mdx: two articles with the id "sample-story": keep one',
      'content/countries.yml  -  is not read: content/ holds articles/<slug>/index.md(x) with their photos, people/<id>.yaml, organisations/<id>.yaml, places/<id>.yaml, stories/<id>.yaml and countries.yaml; move or remove it',
      'content/people/Bad.yml  -  is not loaded: each entry is one <id>.yaml file, id in lower-case letters, digits and hyphens',
    ]);
  });

  it('a missing countries.yaml', async () => {
    expect(await tree().remove('countries.yaml').lines()).toContain(
      'content/countries.yaml  -  is missing: list the countries there, one "- id: ua" entry each',
    );
  });
});

describe('updates and corrections', () => {
  const withUpdates = (entries: string) =>
    tree().replace(ARTICLE, "published: '2025-09-04'\n", `published: '2025-09-04'\nupdates:\n${entries}`);

  it('accepts an update and a correction after publication', async () => {
    const t = withUpdates(
      "  - time: '2025-09-05T10:00:00+01:00'\n    kind: correction\n    text: Fixed a name.\n  - time: '2025-09-04T18:00:00+01:00'\n    kind: update\n    text: Added the statement.\n",
    );
    expect(await t.lines()).toEqual([]);
  });

  it('refuses a wrong kind and a time without offset (the schema)', async () => {
    const t = withUpdates(
      "  - time: '2025-09-05T09:00:00+01:00'\n    kind: erratum\n    text: Wrong kind.\n" +
        "  - time: '2025-09-05T10:00:00'\n    kind: update\n    text: No offset.\n",
    );
    expect(await t.lines()).toEqual([
      `${FILE}:9  updates[0].kind  "erratum" is not a kind of update: use "update" (new information) or "correction" (an error fixed)`,
      `${FILE}:11  updates[1].time  "2025-09-05T10:00:00" has no UTC offset: write it as a quoted ISO time with its UTC offset, such as '2025-09-04T14:30:00+02:00'`,
    ]);
  });

  it('refuses one before publication and a repeated time, once per field (the rules)', async () => {
    const t = withUpdates(
      "  - time: '2025-09-03T10:00:00+01:00'\n    kind: update\n    text: Too early.\n" +
        "  - time: '2025-09-05T10:00:00+01:00'\n    kind: update\n    text: First.\n" +
        "  - time: '2025-09-05T11:00:00+02:00'\n    kind: correction\n    text: Same moment.\n",
    );
    expect(await t.lines()).toEqual([
      `${FILE}:8  updates[0].time  "2025-09-03T10:00:00+01:00" is before "published" (2025-09-04): an update comes after publication: correct the time`,
      `${FILE}:14  updates[2].time  same time as updates[1]: give each update its own time, or merge the two`,
    ]);
  });

  it('runs the rules only once the schema passes: one mistake, one message', async () => {
    // Too early AND a wrong kind: only the schema's problem is reported until it is fixed.
    const t = withUpdates("  - time: '2025-09-03T10:00:00+01:00'\n    kind: erratum\n    text: Too early.\n");
    expect(await t.lines()).toEqual([
      `${FILE}:9  updates[0].kind  "erratum" is not a kind of update: use "update" (new information) or "correction" (an error fixed)`,
    ]);
  });
});

describe('placeholders from "npm run new"', () => {
  it('are refused once the article is no longer a draft, and allowed in a draft', async () => {
    const published = tree()
      .replace(ARTICLE, 'dateline: Paris', "dateline: 'TODO: the city'")
      .replace(ARTICLE, 'Ministers met in Paris on Sept. 4.', 'TODO: the article.');
    expect(await published.lines()).toEqual([
      `${FILE}:4  dateline  still holds the "TODO" placeholder from "npm run new": write it, or keep "draft: true" until it is written`,
      `${FILE}:33  body  still holds the "TODO" placeholder from "npm run new": write it, or keep "draft: true" until it is written`,
    ]);
    const draft = published.replace(
      ARTICLE,
      'byline: Backstory staff\n',
      'byline: Backstory staff\ndraft: true\n',
    );
    expect(await draft.lines()).toEqual([]);
  });
});

describe('every problem at once', () => {
  it('reports problems of several kinds in several files in one pass, in file and line order', async () => {
    const SECOND = 'articles/second-story/index.md';
    const t = tree()
      .write(SECOND, tree().text(ARTICLE))
      .write('articles/second-story/photo.jpg', '')
      .replace(SECOND, "date: '2025-09-01'", "date: '2025-09-10'")
      .replace(ARTICLE, 'title: Ministers meet in Paris', `title: ${'Long headline '.repeat(6)}`)
      .replace(ARTICLE, 'placeholder: false', 'placeholder: yes')
      .replace(
        ARTICLE,
        'people: [ada-example, ben-example]\ncountries',
        'people: [ada-example, nobody]\ncountries',
      )
      .remove('articles/sample-story/photo.jpg')
      .replace('people/ada-example.yaml', 'country: fr', 'country: zz');
    const lines = await t.lines();
    expect(lines.map((line) => line.split('  ').slice(0, 2).join('  '))).toEqual([
      'content/articles/sample-story/index.md:2  title',
      'content/articles/sample-story/index.md:7  people[1]',
      'content/articles/sample-story/index.md:24  gallery[0].src',
      'content/articles/sample-story/index.md:30  gallery[0].placeholder',
      'content/articles/second-story/index.md:11  timeline[0].date',
      'content/people/ada-example.yaml:5  country',
    ]);
  });
});

describe('invisible characters', () => {
  it('in a field: the field, its line and the character position', async () => {
    const t = tree().replace(ARTICLE, 'dateline: Paris', 'dateline: Pa\u202eris');
    expect(await t.lines()).toEqual([
      `${FILE}:4  dateline  contains an invisible bidirectional control character (U+202E) at character 3: delete it: retype the text around it if you cannot see it`,
    ]);
  });

  it('in the body: each one with its file line and column', async () => {
    const t = tree().replace(
      ARTICLE,
      'Ministers met in Paris on Sept. 4.',
      'Ministers\u200b met.\n\nIn Paris\u00ad.',
    );
    expect(await t.lines()).toEqual([
      `${FILE}:33  body  contains a zero-width space (U+200B) at column 10: delete it: retype the text around it if you cannot see it`,
      `${FILE}:35  body  contains a soft hyphen (U+00AD) at column 9: delete it: retype the text around it if you cannot see it`,
    ]);
  });
});

describe('files refused whole', () => {
  it('a file that is not UTF-8, at the line of the first bad byte', async () => {
    const latin1 = Uint8Array.from(
      tree().text(ARTICLE).replace('dateline: Paris', 'dateline: Montr\u00e9al'),
      (character) => character.charCodeAt(0),
    );
    const t = tree().write(ARTICLE, latin1);
    expect(await t.lines()).toEqual([
      `${FILE}:4  -  is not UTF-8 (the first bad byte is on this line): save the file as UTF-8 in your editor`,
    ]);
  });

  it('a content file over limits.fileBytes, without reading its YAML', async () => {
    const t = tree().write(
      'people/ben-example.yaml',
      `# ${'x'.repeat(limits.fileBytes + 1024 * 1024)}\n: broken`,
    );
    expect(await t.lines()).toEqual([
      `content/people/ben-example.yaml  -  is ${(limits.fileBytes + 1024 * 1024 + 11).toLocaleString('en')} bytes; a content file may be at most ${limits.fileBytes.toLocaleString('en')}: split it, or move long material out of it`,
    ]);
  });

  it('TOML frontmatter, which Astro reads but the rules do not', async () => {
    const t = tree().write(ARTICLE, '+++\ntitle = "Ministers meet in Paris"\n+++\n\nText.\n');
    expect(await t.lines()).toEqual([
      `${FILE}:1  -  has no YAML frontmatter: start the file with a "---" line, the fields, and another "---" line`,
    ]);
  });

  it('a countries.yaml that holds a mapping instead of a list', async () => {
    const t = tree().write('countries.yaml', 'fr:\n  name: France\ngb:\n  name: United Kingdom\n');
    const lines = await t.lines();
    expect(lines.filter((line) => line.startsWith('content/countries.yaml'))).toEqual([
      'content/countries.yaml:1  -  holds a group of fields, not a list of countries: write one "- id: ua" entry per country',
    ]);
  });

  it('a person file with a YAML syntax error names the file and line', async () => {
    const t = tree().replace(
      'people/ben-example.yaml',
      'title: Foreign Secretary',
      'title: Secretary: Foreign',
    );
    expect(await t.lines()).toEqual([
      'content/people/ben-example.yaml:3  -  YAML syntax: bad indentation of a mapping entry: check the indentation, and quote text that contains ": " or starts with a symbol',
    ]);
  });
});

describe('what the content source reports', () => {
  it('passes the listing problems through, in file order', async () => {
    const t = tree();
    t.listingProblems = [
      {
        file: 'content/people/link.yaml',
        field: '-',
        problem: 'is a link to a file outside content/',
        fix: 'put the file itself there',
      },
    ];
    expect(await t.lines()).toEqual([
      'content/people/link.yaml  -  is a link to a file outside content/: put the file itself there',
    ]);
  });

  it('reports imageFile problems at gallery[i].src, on the line of that src', async () => {
    const second =
      '  - id: second\n    src: ./second.jpg\n    alt: A podium.\n    caption: The podium.\n    credit: Test\n    rights: Test\n    placeholder: false\n';
    const t = tree().replace(ARTICLE, '---\n\nMinisters', `${second}---\n\nMinisters`);
    const asked: string[] = [];
    const source = t.source;
    const report = await checkContent({
      ...source,
      imageFile: (dir, src) => (asked.push(`${dir} ${src}`), source.imageFile(dir, src)),
    });
    expect(asked).toEqual(['articles/sample-story ./photo.jpg', 'articles/sample-story ./second.jpg']);
    expect(report.problems).toEqual([
      {
        file: FILE,
        line: 32,
        field: 'gallery[1].src',
        problem: 'image file "./second.jpg" not found (expected content/articles/sample-story/second.jpg)',
        fix: 'put it there',
      },
    ]);
  });
});

describe('unknown ids', () => {
  it('an unknown person id names the nearest one, and is reported once', async () => {
    // The text names Ben Example too: the unlisted-mention rule must not add a second message.
    const t = tree()
      .replace(
        ARTICLE,
        'people: [ada-example, ben-example]\ncountries',
        'people: [ada-example, ben-exmaple]\ncountries',
      )
      .replace(ARTICLE, 'Ministers met in Paris on Sept. 4.', 'Ben Example met Ada Example in Paris.');
    expect(await t.lines()).toEqual([
      `${FILE}:7  people[1]  unknown person "ben-exmaple": did you mean "ben-example"? If not, add it to content/people/<id>.yaml`,
    ]);
  });
});

describe('stories', () => {
  const STORY =
    'title: Ministers and their talks\nsummary: Talks between ministers in Paris.\nstatus: developing\n';

  it('accepts an article that follows a registered story, and counts the stories', async () => {
    const t = tree()
      .write('stories/talks.yaml', STORY)
      .replace(ARTICLE, 'byline: Backstory staff\n', 'byline: Backstory staff\nstory: talks\n');
    const report = await checkContent(t.source);
    expect(report.problems.map(formatProblem)).toEqual([]);
    expect(report.checked.stories).toBe(1);
  });

  it('names an unknown story, with the nearest known id', async () => {
    const t = tree()
      .write('stories/talks.yaml', STORY)
      .replace(ARTICLE, 'byline: Backstory staff\n', 'byline: Backstory staff\nstory: tlaks\n');
    expect(await t.lines()).toEqual([
      `${FILE}:6  story  unknown story "tlaks": did you mean "talks"? If not, add it to content/stories/<id>.yaml`,
    ]);
  });

  it('refuses a story without a known status, a summary or people that are registered', async () => {
    const t = tree().write(
      'stories/talks.yaml',
      'title: Ministers and their talks\nstatus: ongoing\npeople: [ada-exmaple]\n',
    );
    expect(await t.lines()).toEqual([
      'content/stories/talks.yaml:1  summary  missing: add "summary" (text); see "Adding an article" in docs/editors-guide.md',
      'content/stories/talks.yaml:2  status  "ongoing" is not a story status: use "developing" or "concluded"',
      'content/stories/talks.yaml:3  people[0]  unknown person "ada-exmaple": did you mean "ada-example"? If not, add it to content/people/<id>.yaml',
    ]);
  });

  it('refuses a story file the loader would not read', async () => {
    const t = tree().write('stories/Talks.md', STORY);
    expect(await t.lines()).toEqual([
      'content/stories/Talks.md  -  is not loaded: each entry is one <id>.yaml file, id in lower-case letters, digits and hyphens',
    ]);
  });
});

describe('body lines', () => {
  it('count body lines from the first line Astro hands to remark', () => {
    const source = '---\ntitle: x\n---\n\n\nFirst paragraph.\n';
    // Markdown: the body is trimmed, so its line 1 is file line 6.
    expect(bodyLineOffset(source, 'a/index.md')).toBe(5);
    // MDX is compiled with the frontmatter blanked out: its lines are file lines.
    expect(bodyLineOffset(source, 'a/index.mdx')).toBe(0);
  });
});

// Keep the helper honest: the line numbers above are the fixture's.
describe('the fixture lines the expectations use', () => {
  it('are where the tests say', () => {
    const t = tree();
    expect(lineOf(t, ARTICLE, 'people: [ada-example, ben-example]')).toBe(7);
    expect(lineOf(t, ARTICLE, "date: '2025-09-01'")).toBe(11);
    expect(lineOf(t, ARTICLE, 'src: ./photo.jpg')).toBe(24);
  });
});
