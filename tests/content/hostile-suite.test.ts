/**
 * Issue 18, item 8: the hostile-content suite. Every class of hostile input (frontmatter, body,
 * MDX, photo files, registry files, folder structure) is planted in a copy of a fixture, and
 * each case must end either in a refusal naming the file (and line, and field) or, for input
 * that is accepted, in output proven safe by parsing the built HTML and the feed's XML.
 *
 * - Most cases run `npm run check:content` (plain Node, about a second) on a copy of
 *   tests/fixtures/minimal (or tests/fixtures/mdx) with one mutation, and read its problem
 *   lines: `content/<file>:<line>  <field>  <problem>: <fix>`.
 * - At least one case of each class also runs `astro build`, which must refuse it the same way
 *   (several cases of a class share one build, each in its own article folder or file).
 * - One build packs every accepted-but-tricky input; its dist/ is parsed and compared with a
 *   clean build of the minimal fixture (Astro's own scripts, comments and meta tags).
 *
 * Each process runs with a timeout, so a named pipe or a parser blow-up fails a case instead of
 * hanging the suite.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse, type HTMLElement, NodeType, type Node } from 'node-html-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { projectCopy, projectRoot } from '../helpers/astro.ts';
import { ARTICLE, FixtureEditor, MINIMAL, pool, re } from './support.ts';

const MDX = join(projectRoot, 'tests/fixtures/mdx');
const MDX_ARTICLE = 'articles/blocks-demo/index.mdx';
const keep = process.env['BACKSTORY_KEEP_TMP'] === '1';

// --- running processes ------------------------------------------------------------------------------

const checkSlot = pool(2);
const buildSlot = pool(2);

interface Run {
  status: number | null;
  /** Killed because it ran past its timeout. */
  timedOut: boolean;
  /** stdout and stderr, colours removed. */
  output: string;
}

/** Runs a command in its own process group, killing the group after `timeoutMs`. */
function run(command: string, args: string[], cwd: string, timeoutMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      detached: true,
      env: { ...process.env, PATH: `${join(projectRoot, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      // eslint-disable-next-line no-control-regex
      resolve({
        status,
        timedOut,
        output: output.replace(/\x1b\[[0-9;]*m/g, ''),
      });
    });
  });
}

/** A content folder at `<dir>/content`, so problems are named `content/...` as in the project. */
type Mutate = (f: FixtureEditor, content: string) => unknown;

/**
 * Copies `fixture` to a temporary `<dir>/content`, applies `mutate` and runs
 * `node src/cli/check-content.ts content` in `<dir>` (what `npm run check:content` runs).
 */
async function checkContent(
  fixture: string,
  mutate: Mutate,
  timeoutMs = 30_000,
): Promise<Run & { dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-hostile-'));
  const content = join(dir, 'content');
  cpSync(fixture, content, { recursive: true });
  mutate(new FixtureEditor(content), content);
  const result = await checkSlot(() =>
    run(
      join(projectRoot, 'node_modules/.bin/node'),
      [join(projectRoot, 'src/cli/check-content.ts'), 'content'],
      dir,
      timeoutMs,
    ),
  );
  if (!keep) rmSync(dir, { recursive: true, force: true });
  return { ...result, dir };
}

/**
 * A project copy (tests/helpers/astro.ts) of `fixture`, `mutate` applied to its content/ in place
 * (so links, pipes and sparse files are made where the build reads them), and `astro build` run
 * in it. The copy stays until `cleanup()`.
 */
async function build(
  fixture: string,
  mutate: Mutate,
  timeoutMs = 170_000,
): Promise<Run & { root: string; distDir: string; cleanup: () => void }> {
  return buildSlot(async () => {
    const root = projectCopy(fixture);
    const content = join(root, 'content');
    mutate(new FixtureEditor(content), content);
    const result = await run(join(projectRoot, 'node_modules/.bin/astro'), ['build'], root, timeoutMs);
    const cleanup = () => {
      if (!keep) rmSync(root, { recursive: true, force: true });
    };
    return { ...result, root, distDir: join(root, 'dist'), cleanup };
  });
}

/** The problem lines, for assertion messages. */
function problemLines(output: string): string {
  const lines = output.split('\n').filter((line) => /^content\//.test(line));
  return (lines.length > 0 ? lines : output.split('\n').slice(-40)).join('\n');
}

/**
 * A problem line: `content/<file>[:<line>]  <field>  <problem...>`. `line` undefined means the
 * line number must be absent or any; a number, that exact line; `true`, some line.
 */
function problem(
  file: string,
  line: number | true | undefined,
  field: string | RegExp,
  what: string | RegExp,
): RegExp {
  const at = line === true ? ':\\d+' : line === undefined ? '(?::\\d+)?' : `:${line}`;
  const fieldSource = typeof field === 'string' ? re(field) : field.source;
  const whatSource = typeof what === 'string' ? re(what) : what.source;
  return new RegExp(`^content/${re(file)}${at} {2}(?:${fieldSource}) {2}.*(?:${whatSource})`);
}

/** The run refused the content with a line matching each pattern, and did not hang. */
function expectRefused(result: Run, ...patterns: RegExp[]): void {
  expect(result.timedOut, `timed out; output:\n${problemLines(result.output)}`).toBe(false);
  expect(result.status, `should have been refused; output:\n${problemLines(result.output)}`).not.toBe(0);
  const lines = result.output.split('\n');
  for (const pattern of patterns) {
    expect(
      lines.some((line) => pattern.test(line)),
      `no line matches ${pattern}; problem lines:\n${problemLines(result.output)}`,
    ).toBe(true);
  }
}

// --- fixture edits ----------------------------------------------------------------------------------

const BODY = 'Ministers met in Paris on Sept. 4.';
/** File line of a paragraph appended after BODY in the minimal article (33 + a blank line). */
const BODY_LINE = 35;
const MDX_LAST = 'Ben Example left Paris the next day.';
const MDX_LINE = readFileSync(join(MDX, MDX_ARTICLE), 'utf8').split('\n').indexOf(MDX_LAST) + 1 + 2;

const appendBody =
  (text: string): Mutate =>
  (f) =>
    f.replace(ARTICLE, BODY, `${BODY}\n\n${text}`);
const appendMdx =
  (text: string): Mutate =>
  (f) =>
    f.replace(MDX_ARTICLE, MDX_LAST, `${MDX_LAST}\n\n${text}`);
const field =
  (search: string, replacement: string): Mutate =>
  (f) =>
    f.replace(ARTICLE, search, replacement);

/** Replaces the YAML from `key:` at the top level up to the next top-level key. */
function replaceBlock(f: FixtureEditor, file: string, key: string, replacement: string): void {
  const text = f.read(file);
  const next = new RegExp(`^${key}:\\n(?:[ ].*\\n)*`, 'm');
  if (!next.test(text)) throw new Error(`${file}: no ${key} block`);
  f.write(
    file,
    text.replace(next, () => replacement),
  );
}

function events(count: number): string {
  let yaml = 'timeline:\n';
  for (let i = 0; i < count; i++)
    yaml += `  - id: event-${i}\n    date: '2025-09-01'\n    title: Event ${i}\n    body: Something happened.\n`;
  return yaml;
}

function photos(count: number): string {
  let yaml = 'gallery:\n';
  for (let i = 0; i < count; i++)
    yaml += `  - id: photo-${i}\n    src: ./photo.jpg\n    alt: Two ministers shaking hands, view ${i}.\n    caption: Caption number ${i}.\n    credit: Test Photographer\n    rights: Made for the test suite.\n    placeholder: false\n`;
  return yaml;
}

/** Writes `text` as Latin-1 bytes (é is one byte, 0xE9: not UTF-8). */
const latin1 = (f: FixtureEditor, file: string, text: string) =>
  writeFileSync(join(f.dir, file), Buffer.from(text, 'latin1'));

const ALIAS_BOMB = [
  'bomb0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  ...Array.from({ length: 8 }, (_, i) => `bomb${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`),
].join('\n');

const UPDATE = (text: string) =>
  `countries: [fr, gb]\nupdates:\n  - time: '2025-09-05T08:00:00+01:00'\n    kind: update\n    text: '${text}'\n`;

// --- the check:content cases ------------------------------------------------------------------------

interface Case {
  /** The fixture to copy: MINIMAL unless given. */
  fixture?: string;
  mutate: Mutate;
  /** Patterns the refusal must match, given the case's temporary folder. */
  expect: RegExp[] | ((dir: string) => RegExp[]);
  /** Extra assertions on the run (timing, files written). */
  also?: (result: Run & { dir: string }) => void;
  timeoutMs?: number;
}

const A = ARTICLE;
const M = MDX_ARTICLE;

const frontmatter: Record<string, Case> = {
  'control character U+0007 in a title': {
    mutate: field('title: Ministers meet in Paris', 'title: Ministers \u0007meet in Paris'),
    expect: [problem(A, 2, /title|-/, /control character \(U\+0007\)|non-printable/)],
  },
  'zero-width space in a title': {
    mutate: field('title: Ministers meet in Paris', 'title: Ministers\u200b meet in Paris'),
    expect: [problem(A, 2, 'title', 'contains a zero-width space (U+200B) at character 10')],
  },
  'soft hyphen in a person name': {
    mutate: (f) => f.replace('people/ada-example.yaml', 'name: Ada Example', 'name: Ada Ex\u00adample'),
    expect: [problem('people/ada-example.yaml', 1, 'name', 'contains a soft hyphen (U+00AD)')],
  },
  'bidi override in a caption': {
    mutate: field('caption: Ada Example (l) greets', 'caption: Ada Example (l) \u202egreets'),
    expect: [
      problem(A, 26, 'gallery[0].caption', 'bidirectional control character (U+202E) at character 17'),
    ],
  },
  'U+FFFD in a dek': {
    mutate: field('dek: A short fixture', 'dek: A short \ufffd fixture'),
    expect: [problem(A, 3, 'dek', 'replacement character')],
  },
  'tag characters in a title': {
    mutate: field('title: Ministers meet in Paris', 'title: Ministers meet\u{e0041}\u{e0042} in Paris'),
    expect: [problem(A, 2, 'title', 'invisible tag character (U+E0041)')],
  },
  'a 71-character title': {
    mutate: field(
      'title: Ministers meet in Paris',
      `title: ${'Ministers meet in Paris '.repeat(3).slice(0, 71)}`,
    ),
    expect: [problem(A, 2, 'title', /is 71 characters.*70/)],
  },
  'a 1,001-character event body': {
    // 1,001 characters with no space at either end (text is trimmed before it is measured).
    mutate: field(
      'body: Ministers opened talks in Paris.',
      `body: ${'Talks went '.repeat(91).slice(0, 1000)}x`,
    ),
    expect: [problem(A, 13, 'timeline[0].body', /is 1001 characters.*1000/)],
  },
  '201 timeline events': {
    mutate: (f) => replaceBlock(f, A, 'timeline', events(201)),
    expect: [problem(A, 9, 'timeline', 'has 201 events; one article holds at most 200')],
  },
  '101 photos': {
    mutate: (f) => replaceBlock(f, A, 'gallery', photos(101)),
    expect: [problem(A, 22, 'gallery', 'has 101 photos; one article holds at most 100')],
  },
  'javascript: link in a timeline body': {
    mutate: field('body: Ministers opened talks in Paris.', "body: 'Talks [began](javascript:alert(1)).'"),
    expect: [problem(A, 13, 'timeline[0].body', 'unsafe link URL "javascript:alert(1)"')],
  },
  'raw <b> in an update text': {
    mutate: field('countries: [fr, gb]\n', UPDATE('A <b>bold</b> claim.')),
    expect: [problem(A, 12, 'updates[0].text', 'raw HTML is not allowed')],
  },
  'raw <script> in an update text': {
    mutate: field('countries: [fr, gb]\n', UPDATE('A <script>alert(1)</script> claim.')),
    expect: [problem(A, 12, 'updates[0].text', 'raw HTML is not allowed')],
  },
  'an unquoted date': {
    mutate: field("published: '2025-09-04'", 'published: 2025-09-04'),
    expect: [problem(A, 6, 'published', 'unquoted date')],
  },
  "an impossible date '2025-02-30'": {
    mutate: field("date: '2025-09-01'", "date: '2025-02-30'"),
    expect: [problem(A, 11, 'timeline[0].date', '"2025-02-30" is not a real calendar date')],
  },
  'unknown person id with a near miss': {
    mutate: field(
      'people: [ada-example, ben-example]\ncountries: [fr, gb]',
      'people: [ada-exampel, ben-example]\ncountries: [fr, gb]',
    ),
    expect: [problem(A, 7, 'people[0]', 'unknown person "ada-exampel": did you mean "ada-example"?')],
  },
  'an unknown key': {
    mutate: field('title: Ministers meet in Paris\n', 'title: Ministers meet in Paris\ncolour: red\n'),
    expect: [problem(A, 3, 'colour', 'unknown field "colour"')],
  },
  'TOML +++ frontmatter': {
    mutate: (f) =>
      f.write(
        A,
        '+++\ntitle = "Ministers meet in Paris"\npublished = "2025-09-04"\n+++\n\nMinisters met in Paris.\n',
      ),
    expect: [problem(A, 1, '-', 'has no YAML frontmatter')],
  },
  'YAML alias bomb in frontmatter': {
    mutate: field('title: Ministers meet in Paris\n', `title: Ministers meet in Paris\n${ALIAS_BOMB}\n`),
    expect: [problem(A, 4, '-', 'YAML alias "*a0"')],
  },
  'YAML merge key': {
    mutate: field('  - id: joint-statement\n', '  - <<: {place: Paris}\n    id: joint-statement\n'),
    expect: [problem(A, 17, '-', 'YAML merge key "<<"')],
  },
  'YAML !!binary tag': {
    mutate: field('dateline: Paris', 'dateline: !!binary UGFyaXM='),
    expect: [problem(A, 4, '-', 'YAML tag "!!binary"')],
  },
  'duplicate keys': {
    mutate: field('dateline: Paris\n', 'dateline: Paris\ntitle: Another title\n'),
    expect: [problem(A, 5, '-', 'duplicated mapping key')],
  },
};

const body: Record<string, Case> = {
  '<script>': {
    mutate: appendBody('<script>alert(1)</script>'),
    expect: [problem(A, BODY_LINE, 'body', 'raw HTML <script> is not allowed')],
  },
  'malformed comment <!--> <script>': {
    mutate: appendBody('<!--> <script>alert(1)</script>'),
    expect: [problem(A, BODY_LINE, 'body', 'raw HTML <script> is not allowed')],
  },
  '<b title="a>b" onclick="x">': {
    mutate: appendBody('A <b title="a>b" onclick="alert(1)">bold</b> claim.'),
    expect: [
      problem(
        A,
        BODY_LINE,
        'body',
        /event-handler attribute "onclick"|attribute "title" on <b> is not allowed/,
      ),
    ],
  },
  '<abbr title="a>b" onclick="x"> (title allowed: only the handler is wrong)': {
    mutate: appendBody('A <abbr title="a>b" onclick="alert(1)">UN</abbr> claim.'),
    expect: [problem(A, BODY_LINE, 'body', 'event-handler attribute "onclick" on <abbr>')],
  },
  '<meta http-equiv="refresh">': {
    mutate: appendBody('<meta http-equiv="refresh" content="0;url=https://evil.example">'),
    expect: [problem(A, BODY_LINE, 'body', 'raw HTML <meta> is not allowed')],
  },
  '<base href>': {
    mutate: appendBody('<base href="https://evil.example/">'),
    expect: [problem(A, BODY_LINE, 'body', 'raw HTML <base> is not allowed')],
  },
  '<link>': {
    mutate: appendBody('<link rel="stylesheet" href="https://evil.example/x.css">'),
    expect: [problem(A, BODY_LINE, 'body', 'raw HTML <link> is not allowed')],
  },
  '<form>': {
    mutate: appendBody('<form action="https://evil.example/"><button>Go</button></form>'),
    expect: [problem(A, BODY_LINE, 'body', 'raw HTML <form> is not allowed')],
  },
  '<object>': {
    mutate: appendBody('<object data="https://evil.example/x.swf"></object>'),
    expect: [problem(A, BODY_LINE, 'body', 'raw HTML <object> is not allowed')],
  },
  '<embed>': {
    mutate: appendBody('<embed src="https://evil.example/x.swf">'),
    expect: [problem(A, BODY_LINE, 'body', 'raw HTML <embed> is not allowed')],
  },
  '<iframe>': {
    mutate: appendBody('<iframe src="https://evil.example/"></iframe>'),
    expect: [problem(A, BODY_LINE, 'body', 'raw HTML <iframe> is not allowed')],
  },
  '[x](javascript:alert(1))': {
    mutate: appendBody('[read more](javascript:alert(1))'),
    expect: [problem(A, BODY_LINE, 'body', 'unsafe link URL "javascript:alert(1)"')],
  },
  '[x](jav&#x09;ascript:alert(1))': {
    mutate: appendBody('[read more](jav&#x09;ascript:alert(1))'),
    expect: [problem(A, BODY_LINE, 'body', 'unsafe link URL')],
  },
  'body image outside the article: ../../../etc/passwd.png': {
    mutate: appendBody('![x](../../../etc/passwd.png)'),
    expect: [
      problem(A, BODY_LINE, 'body', `image "../../../etc/passwd.png" is outside the article's folder`),
    ],
  },
  'remote body image': {
    mutate: appendBody('![x](https://evil.example/track.png)'),
    expect: [problem(A, BODY_LINE, 'body', 'is not a file beside the article')],
  },
  'bidi control in the body': {
    mutate: appendBody('A \u202ebidi trick.'),
    expect: [problem(A, BODY_LINE, 'body', 'bidirectional control character (U+202E) at column 3')],
  },
  'zero-width space in the body': {
    mutate: appendBody('A zero\u200bwidth space.'),
    expect: [problem(A, BODY_LINE, 'body', 'zero-width space (U+200B) at column 7')],
  },
  'a list nested 300 levels deep, refused before any parser': {
    mutate: appendBody(Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')),
    expect: [problem(A, true, 'body', /nests lists or quotes about \d+ levels deep/)],
  },
  '5,000 nested quotes on one line, refused cleanly': {
    mutate: appendBody(`${'> '.repeat(5000)}deep`),
    expect: [problem(A, BODY_LINE, 'body', 'nests lists or quotes about 5000 levels deep')],
    also: (result) => {
      expect(result.output, 'a parser or plugin crashed on the body').not.toMatch(
        /Maximum call stack|RangeError|\n\s+at /,
      );
      // Every line of the report is a problem line, the summary, or blank: no stack trace, no message split over lines.
      const stray = result.output
        .split('\n')
        .filter((line) => line && !/^content\//.test(line) && !/^check:content: /.test(line));
      expect(stray, 'lines that are not problems').toEqual([]);
    },
  },
  'a 150,001-character body': {
    mutate: (f) => {
      const text = f.read(A);
      const end = text.indexOf('\n---\n') + 4; // the body starts after the closing fence
      const line = `${'word '.repeat(19)}word\n`; // 100 characters
      let filler = '\n' + line.repeat(1500); // 150,001 characters
      filler = filler.slice(0, 150_001);
      f.write(A, text.slice(0, end) + filler);
    },
    expect: [problem(A, true, 'body', 'is 150001 characters; an article may hold at most 150000')],
  },
};

const WRITE_MARKER = 'pwned-by-mdx.txt';
const mdx: Record<string, Case> = {
  'MDX <b title={process.exit(1)}>': {
    fixture: MDX,
    mutate: appendMdx('A <b title={process.exit(1)}>bold</b> claim.'),
    expect: [problem(M, MDX_LINE, 'body', 'attribute values cannot be {expressions}')],
  },
  'MDX <b {...props}>': {
    fixture: MDX,
    mutate: appendMdx('A <b {...props}>bold</b> claim.'),
    expect: [problem(M, MDX_LINE, 'body', 'spread attributes are not allowed')],
  },
  'MDX {1+1} expression': {
    fixture: MDX,
    mutate: appendMdx('Two is {1+1}.'),
    expect: [problem(M, MDX_LINE, 'body', '{expression}: articles cannot run')],
  },
  "MDX import x from 'fs'": {
    fixture: MDX,
    mutate: appendMdx("import x from 'fs'"),
    expect: [problem(M, MDX_LINE, 'body', 'import/export')],
  },
  'MDX export const a = 1': {
    fixture: MDX,
    mutate: appendMdx('export const a = 1'),
    expect: [problem(M, MDX_LINE, 'body', 'import/export')],
  },
  'MDX <KeyFacts title={x}>': {
    fixture: MDX,
    mutate: appendMdx(
      '<KeyFacts title={x}>\n  <Fact figure="12" label="countries" cite="Ministers from 12 countries met in Paris" />\n</KeyFacts>',
    ),
    expect: [problem(M, MDX_LINE, 'body', 'attribute values cannot be {expressions}')],
  },
  'MDX <b style="x">': {
    fixture: MDX,
    mutate: appendMdx('A <b style="color: red">bold</b> claim.'),
    expect: [problem(M, MDX_LINE, 'body', 'attribute "style" on <b> is not allowed')],
  },
  'MDX <b popover>': {
    fixture: MDX,
    mutate: appendMdx('A <b popover>bold</b> claim.'),
    expect: [
      problem(
        M,
        MDX_LINE,
        'body',
        /<b popover>: the attribute has no value|attribute "popover" on <b> is not allowed/,
      ),
    ],
  },
  'MDX unknown block <Script>': {
    fixture: MDX,
    mutate: appendMdx('<Script>alert(1)</Script>'),
    expect: [problem(M, MDX_LINE, 'body', '<Script> is not a block')],
  },
  'MDX expression that would write a file': {
    fixture: MDX,
    mutate: (f, content) =>
      appendMdx(
        `{process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(join(dirname(content), WRITE_MARKER))}, 'pwned')}`,
      )(f, content),
    expect: [problem(M, MDX_LINE, 'body', '{expression}: articles cannot run')],
    also: (result) =>
      expect(existsSync(join(result.dir, WRITE_MARKER)), 'check:content ran the expression').toBe(false),
  },
};

const PHOTO = 'articles/sample-story/photo.jpg';
const src = (path: string): Mutate => field('src: ./photo.jpg', `src: ${path}`);
/** A real JPEG outside the content folder, at `<dir>/outside.jpg`. */
const outsidePhoto = (content: string) =>
  copyFileSync(join(MINIMAL, PHOTO), join(dirname(content), 'outside.jpg'));

const photoFiles: Record<string, Case> = {
  "src '../../../outside.jpg' (outside content/)": {
    mutate: (f, content) => {
      outsidePhoto(content);
      src('../../../outside.jpg')(f, content);
    },
    expect: [problem(A, 24, 'gallery[0].src', '"../../../outside.jpg" is outside content/')],
  },
  'a symbolic link to a photo outside content/': {
    mutate: (f, content) => {
      outsidePhoto(content);
      symlinkSync(join(dirname(content), 'outside.jpg'), join(content, 'articles/sample-story/linked.jpg'));
      src('./linked.jpg')(f, content);
    },
    expect: [
      problem(A, 24, 'gallery[0].src', '"./linked.jpg" is a link to a file outside content/'),
      problem('articles/sample-story/linked.jpg', undefined, '-', 'is a link to a file outside content/'),
    ],
  },
  'a symbolic link to /dev/zero': {
    mutate: (f, content) => {
      symlinkSync('/dev/zero', join(content, 'articles/sample-story/zero.jpg'));
      src('./zero.jpg')(f, content);
    },
    expect: [
      problem(A, 24, 'gallery[0].src', /"\.\/zero\.jpg" is a link to (?:a file outside content\/|a device)/),
    ],
  },
  'a named pipe photo.jpg (must not hang)': {
    mutate: (_f, content) => {
      rmSync(join(content, PHOTO));
      execFileSync('mkfifo', [join(content, PHOTO)]);
    },
    expect: [
      problem(A, 24, 'gallery[0].src', '"./photo.jpg" is a named pipe, not a photo file'),
      problem(PHOTO, undefined, '-', 'is a named pipe'),
    ],
    timeoutMs: 20_000,
  },
  'a .png that is really a JPEG': {
    mutate: (f, content) => {
      f.copy('articles/sample-story/photo.jpg', 'articles/sample-story/photo.png');
      src('./photo.png')(f, content);
    },
    expect: [problem(A, 24, 'gallery[0].src', '"./photo.png" is not a PNG image (it starts like a JPEG)')],
  },
  'a text file named .jpg': {
    mutate: (f) => f.write(PHOTO, 'This is not a photo, it is text.\n'),
    expect: [problem(A, 24, 'gallery[0].src', '"./photo.jpg" is not a JPEG image')],
  },
  'a 26 MB photo (sparse)': {
    mutate: (_f, content) => truncateSync(join(content, PHOTO), 26 * 1024 * 1024),
    expect: [problem(A, 24, 'gallery[0].src', '"./photo.jpg" is 26 MB; photos may be at most 25 MB')],
  },
  'a remote URL src': {
    mutate: src('https://evil.example/photo.jpg'),
    expect: [problem(A, 24, 'gallery[0].src', '"https://evil.example/photo.jpg" is not a local file')],
  },
  'a missing photo file': {
    mutate: src('./missing.jpg'),
    expect: [problem(A, 24, 'gallery[0].src', 'image file "./missing.jpg" not found')],
  },
};

const registry: Record<string, Case> = {
  'YAML syntax error in people/x.yaml': {
    mutate: (f) =>
      f.write(
        'people/ada-example.yaml',
        'name: Ada Example\nroles:\n  - title: [Foreign Minister\n    from: 2024\ncountry: fr\n',
      ),
    expect: [problem('people/ada-example.yaml', true, '-', 'YAML syntax')],
  },
  'countries.yaml is a mapping, not a list': {
    mutate: (f) => f.write('countries.yaml', 'fr: France\ngb: United Kingdom\n'),
    expect: [problem('countries.yaml', 1, '-', 'holds a group of fields, not a list of countries')],
  },
  'duplicate country id': {
    mutate: (f) => f.write('countries.yaml', `${f.read('countries.yaml')}- id: fr\n  name: France again\n`),
    expect: [problem('countries.yaml', 5, '[2].id', 'duplicate country id "fr"')],
  },
  'a person file in Latin-1, not UTF-8': {
    mutate: (f) =>
      latin1(
        f,
        'people/ada-example.yaml',
        f.read('people/ada-example.yaml').replace('Ada Example', 'Adé Example'),
      ),
    expect: [problem('people/ada-example.yaml', 1, '-', 'is not UTF-8')],
  },
  'an alias bomb in countries.yaml': {
    mutate: (f) =>
      f.write(
        'countries.yaml',
        `${f.read('countries.yaml')}- id: de\n  name: Germany\n  ${ALIAS_BOMB.split('\n').join('\n  ')}\n`,
      ),
    expect: [problem('countries.yaml', 8, '-', 'YAML alias "*a0"')],
  },
  'an empty people file': {
    mutate: (f) => f.write('people/ada-example.yaml', ''),
    expect: [
      problem('people/ada-example.yaml', undefined, /[^ ]+/, /empty|missing|no fields|holds nothing|nothing/),
    ],
  },
};

const structure: Record<string, Case> = {
  'a dangling symbolic link in content/': {
    mutate: (_f, content) =>
      symlinkSync('./no-such-file.jpg', join(content, 'articles/sample-story/gone.jpg')),
    expect: [
      problem('articles/sample-story/gone.jpg', undefined, '-', 'is a link to a file that does not exist'),
    ],
  },
  'a symlinked folder pointing outside content/': {
    mutate: (_f, content) => {
      const outside = join(dirname(content), 'elsewhere');
      cpSync(join(MINIMAL, 'articles/sample-story'), outside, { recursive: true });
      symlinkSync(outside, join(content, 'articles/elsewhere'));
    },
    expect: [problem('articles/elsewhere', undefined, '-', 'is a link to a file outside content/')],
  },
  'a Latin-1 index.md': {
    mutate: (f) =>
      latin1(f, A, f.read(A).replace('title: Ministers meet in Paris', 'title: Ministres réunis à Paris')),
    expect: [problem(A, 2, '-', 'is not UTF-8')],
  },
  'a Latin-1 index.mdx': {
    fixture: MDX,
    mutate: (f) => latin1(f, M, f.read(M).replace('dateline: Paris', 'dateline: Orléans')),
    expect: [problem(M, 4, '-', 'is not UTF-8')],
  },
  '_draft/index.md': {
    mutate: (f) => f.copy('articles/sample-story', 'articles/_draft'),
    expect: [problem('articles/_draft/index.md', undefined, '-', 'folder "_draft" is not a valid slug')],
  },
  'two index files in one folder': {
    mutate: (f) => f.copy(A, 'articles/sample-story/index.mdx'),
    expect: [
      problem('articles/sample-story/', undefined, '-', /has \S*index\.md and \S*index\.mdx: two articles/),
    ],
  },
  'a stray file at the top of content/': {
    mutate: (f) => f.write('notes.txt', 'Remember to check the photo credits.\n'),
    expect: [problem('notes.txt', undefined, '-', 'is not read')],
  },
};

/** Runs check:content on a case. */
function checkCase(each: Case) {
  return checkContent(each.fixture ?? MINIMAL, each.mutate, each.timeoutMs);
}

const classes: Record<string, Record<string, Case>> = {
  frontmatter,
  body,
  mdx,
  'photo files': photoFiles,
  'registry files': registry,
  structure,
};

// Sanity: every case class is represented.
const caseCount = Object.values(classes).reduce((sum, cases) => sum + Object.keys(cases).length, 0);

describe('hostile content: check:content refuses each case naming the file, line and field', () => {
  it('has at least 40 cases', () => expect(caseCount).toBeGreaterThanOrEqual(40));
  for (const [name, cases] of Object.entries(classes)) {
    describe(name, () => {
      for (const [title, each] of Object.entries(cases)) {
        it.concurrent(title, async () => {
          const result = await checkCase(each);
          expectRefused(
            result,
            ...(typeof each.expect === 'function' ? each.expect(result.dir) : each.expect),
          );
          each.also?.(result);
        });
      }
    });
  }
});

// --- the build refuses each class too ----------------------------------------------------------------

type Built = Awaited<ReturnType<typeof build>>;

/** One build shared by the cases of a class, started on first use and cleaned up at the end. */
function sharedBuild(fixture: string, mutate: Mutate): () => Promise<Built> {
  let started: Promise<Built> | undefined;
  return () => {
    started ??= build(fixture, mutate).then((built) => {
      built.cleanup();
      return built;
    });
    return started;
  };
}

/** Build cases: each copies the minimal article to `articles/<slug>/` and breaks that copy. */
interface BuildCase {
  mutate: (f: FixtureEditor, article: string, content: string) => unknown;
  expect: (article: string) => RegExp[];
}

function articleCases(cases: Record<string, BuildCase>): Mutate {
  return (f, content) => {
    for (const [slug, each] of Object.entries(cases)) {
      f.copy('articles/sample-story', `articles/${slug}`);
      each.mutate(f, `articles/${slug}/index.md`, content);
    }
  };
}

const onArticle = (search: string, replacement: string) => (f: FixtureEditor, article: string) =>
  f.replace(article, search, replacement);
const inBody = (text: string) => onArticle(BODY, `${BODY}\n\n${text}`);

const buildFrontmatter: Record<string, BuildCase> = {
  'fm-control-character': {
    mutate: onArticle('title: Ministers meet in Paris', 'title: Ministers \u0007meet in Paris'),
    expect: (a) => [problem(a, 2, /title|-/, /control character \(U\+0007\)|non-printable/)],
  },
  'fm-javascript-link': {
    mutate: onArticle(
      'body: Ministers opened talks in Paris.',
      "body: 'Talks [began](javascript:alert(1)).'",
    ),
    expect: (a) => [problem(a, 13, 'timeline[0].body', 'unsafe link URL "javascript:alert(1)"')],
  },
  'fm-unknown-person': {
    mutate: onArticle(
      'people: [ada-example, ben-example]\ncountries: [fr, gb]',
      'people: [ada-exampel, ben-example]\ncountries: [fr, gb]',
    ),
    expect: (a) => [problem(a, 7, 'people[0]', 'did you mean "ada-example"?')],
  },
  'fm-alias-bomb': {
    mutate: onArticle('title: Ministers meet in Paris\n', `title: Ministers meet in Paris\n${ALIAS_BOMB}\n`),
    expect: (a) => [problem(a, 4, '-', 'YAML alias "*a0"')],
  },
};

const buildBody: Record<string, BuildCase> = {
  'body-script': {
    mutate: inBody('<script>alert(1)</script>'),
    expect: (a) => [problem(a, BODY_LINE, 'body', 'raw HTML <script> is not allowed')],
  },
  'body-malformed-comment': {
    mutate: inBody('<!--> <script>alert(1)</script>'),
    expect: (a) => [problem(a, BODY_LINE, 'body', 'raw HTML <script> is not allowed')],
  },
  'body-meta-refresh': {
    mutate: inBody('<meta http-equiv="refresh" content="0;url=https://evil.example">'),
    expect: (a) => [problem(a, BODY_LINE, 'body', 'raw HTML <meta> is not allowed')],
  },
  'body-tab-in-javascript': {
    mutate: inBody('[read more](jav&#x09;ascript:alert(1))'),
    expect: (a) => [problem(a, BODY_LINE, 'body', 'unsafe link URL')],
  },
  'body-image-outside': {
    mutate: inBody('![x](../../../etc/passwd.png)'),
    expect: (a) => [problem(a, BODY_LINE, 'body', "is outside the article's folder")],
  },
};

const buildPhotos: Record<string, BuildCase> = {
  'photo-outside': {
    mutate: (f, article, content) => {
      outsidePhoto(content);
      f.replace(article, 'src: ./photo.jpg', 'src: ../../../outside.jpg');
    },
    expect: (a) => [problem(a, 24, 'gallery[0].src', '"../../../outside.jpg" is outside content/')],
  },
  'photo-named-pipe': {
    mutate: (_f, article, content) => {
      const photo = join(content, dirname(article), 'photo.jpg');
      rmSync(photo);
      execFileSync('mkfifo', [photo]);
    },
    expect: (a) => [problem(a, 24, 'gallery[0].src', '"./photo.jpg" is a named pipe, not a photo file')],
  },
  'photo-dev-zero': {
    mutate: (f, article, content) => {
      symlinkSync('/dev/zero', join(content, dirname(article), 'zero.jpg'));
      f.replace(article, 'src: ./photo.jpg', 'src: ./zero.jpg');
    },
    expect: (a) => [
      problem(a, 24, 'gallery[0].src', /"\.\/zero\.jpg" is a link to (?:a file outside content\/|a device)/),
    ],
  },
  'photo-text-file': {
    mutate: (f, article) => f.write(`${dirname(article)}/photo.jpg`, 'Not a photo.\n'),
    expect: (a) => [problem(a, 24, 'gallery[0].src', '"./photo.jpg" is not a JPEG image')],
  },
  'photo-26-mb': {
    mutate: (_f, article, content) =>
      truncateSync(join(content, dirname(article), 'photo.jpg'), 26 * 1024 * 1024),
    expect: (a) => [problem(a, 24, 'gallery[0].src', 'is 26 MB; photos may be at most 25 MB')],
  },
};

const buildRegistry: Mutate = (f) => {
  f.write(
    'people/ada-example.yaml',
    'name: Ada Example\nroles:\n  - title: [Foreign Minister\n    from: 2024\ncountry: fr\n',
  );
  latin1(
    f,
    'people/ben-example.yaml',
    f.read('people/ben-example.yaml').replace('Ben Example', 'Bén Example'),
  );
  f.write('countries.yaml', `${f.read('countries.yaml')}- id: fr\n  name: France again\n`);
};

const buildStructure: Mutate = (f, content) => {
  symlinkSync('./no-such-file.jpg', join(content, 'articles/sample-story/gone.jpg'));
  f.copy('articles/sample-story', 'articles/latin-one');
  latin1(
    f,
    'articles/latin-one/index.md',
    f.read(A).replace('title: Ministers meet in Paris', 'title: Ministres réunis à Paris'),
  );
  f.copy('articles/sample-story', 'articles/_draft');
  f.write('notes.txt', 'Remember to check the photo credits.\n');
};

const WRITE_BUILD_MARKER = 'pwned-by-mdx-build.txt';
const buildMdx: Mutate = (f, content) =>
  appendMdx(
    `{process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(join(dirname(content), WRITE_BUILD_MARKER))}, 'pwned')}`,
  )(f, content);

const builds = {
  frontmatter: sharedBuild(MINIMAL, articleCases(buildFrontmatter)),
  body: sharedBuild(MINIMAL, articleCases(buildBody)),
  photos: sharedBuild(MINIMAL, articleCases(buildPhotos)),
  registry: sharedBuild(MINIMAL, buildRegistry),
  structure: sharedBuild(MINIMAL, buildStructure),
  mdx: sharedBuild(MDX, buildMdx),
  emptyPerson: sharedBuild(MINIMAL, (f) => f.write('people/ben-example.yaml', '')),
};

describe('hostile content: astro build refuses each class, naming the file', () => {
  const groups: [string, () => Promise<Built>, Record<string, BuildCase>][] = [
    ['frontmatter', builds.frontmatter, buildFrontmatter],
    ['body', builds.body, buildBody],
    ['photo files', builds.photos, buildPhotos],
  ];
  for (const [name, shared, cases] of groups) {
    describe(name, () => {
      for (const [slug, each] of Object.entries(cases)) {
        it.concurrent(slug, async () => {
          expectRefused(await shared(), ...each.expect(`articles/${slug}/index.md`));
        });
      }
    });
  }

  describe('registry files', () => {
    it.concurrent('YAML syntax error in a person file', async () => {
      expectRefused(await builds.registry(), problem('people/ada-example.yaml', true, '-', 'YAML syntax'));
    });
    it.concurrent('a person file in Latin-1', async () => {
      expectRefused(await builds.registry(), problem('people/ben-example.yaml', 1, '-', 'is not UTF-8'));
    });
    it.concurrent('duplicate country id', async () => {
      expectRefused(
        await builds.registry(),
        problem('countries.yaml', 5, '[2].id', 'duplicate country id "fr"'),
      );
    });
    it.concurrent('an empty person file', async () => {
      expectRefused(
        await builds.emptyPerson(),
        problem('people/ben-example.yaml', undefined, /[^ ]+/, /empty|missing|nothing|no fields/),
      );
    });
  });

  describe('structure', () => {
    it.concurrent('a dangling symbolic link', async () => {
      expectRefused(
        await builds.structure(),
        problem('articles/sample-story/gone.jpg', undefined, '-', 'is a link to a file that does not exist'),
      );
    });
    it.concurrent('a Latin-1 index.md', async () => {
      expectRefused(await builds.structure(), problem('articles/latin-one/index.md', 2, '-', 'is not UTF-8'));
    });
    it.concurrent('_draft/index.md', async () => {
      expectRefused(
        await builds.structure(),
        problem('articles/_draft/index.md', undefined, '-', 'is not a valid slug'),
      );
    });
    it.concurrent('a stray file at the top', async () => {
      expectRefused(await builds.structure(), problem('notes.txt', undefined, '-', 'is not read'));
    });
  });

  describe('MDX', () => {
    it.concurrent('an expression that would write a file is refused and never runs', async () => {
      const built = await builds.mdx();
      expectRefused(built, problem(M, MDX_LINE, 'body', '{expression}'));
      expect(existsSync(join(built.root, WRITE_BUILD_MARKER)), 'the build ran the expression').toBe(false);
    });
  });
});

// --- accepted but tricky: built, then dist/ parsed ---------------------------------------------------

const TRICKY = {
  title: `<i>Ministers</i> & "allies" <meet> **in** Paris`,
  dek: `Tom & Jerry's <script>alert('dek')</script> summary, with </title> and ]]> in it.`,
  dateline: `Paris <France> & "Île"`,
  eventTitle: `Talks <begin> & "end"`,
  caption: `A <script>alert("caption")</script> tag name in a caption; <img src=x onerror=alert(1)> too.`,
  credit: `Test Photographer / <Test Agency> & Co`,
  personName: `Ben "<b>Example</b>" & Sons`,
  nativeName: 'آدا إكزامبل',
  abbrTitle: `A "quoted" & <odd> title`,
  codeSpan: `<script>alert("span")</script>`,
  codeBlock: `<script>alert("block")</script>`,
  rtl: 'שלום עולם ومرحبا بالعالم',
  oddLink: `https://example.org/search?q=a&b='c'&d=(e)#frag!$*`,
};

const yamlQuote = (text: string) => `'${text.replace(/'/g, "''")}'`;

const trickyMutate: Mutate = (f) => {
  f.replace(A, 'title: Ministers meet in Paris', `title: ${yamlQuote(TRICKY.title)}`);
  f.replace(A, 'dek: A short fixture article used by the content tests.', `dek: ${yamlQuote(TRICKY.dek)}`);
  f.replace(A, 'dateline: Paris', `dateline: ${yamlQuote(TRICKY.dateline)}`);
  f.replace(A, 'title: Talks begin', `title: ${yamlQuote(TRICKY.eventTitle)}`);
  f.replace(
    A,
    'body: Ministers opened talks in Paris.',
    `body: ${yamlQuote('Ministers said 5 < 6 & "quoted" words.')}`,
  );
  f.replace(
    A,
    'caption: Ada Example (l) greets Ben Example in Paris.',
    `caption: ${yamlQuote(TRICKY.caption)}`,
  );
  f.replace(A, 'credit: Test Photographer / Test Agency', `credit: ${yamlQuote(TRICKY.credit)}`);
  f.replace('people/ben-example.yaml', 'name: Ben Example', `name: ${yamlQuote(TRICKY.personName)}`);
  // Right to left, drawn into Ada's share image and shown on her pages.
  f.replace(
    'people/ada-example.yaml',
    'country: fr',
    `country: fr\nnativeName:\n  text: ${yamlQuote(TRICKY.nativeName)}\n  lang: ar`,
  );
  f.replace(
    A,
    BODY,
    [
      BODY,
      '',
      `An allowed tag: <abbr title="${TRICKY.abbrTitle.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">NATO</abbr> and code: \`${TRICKY.codeSpan}\`.`,
      '',
      '<!-- <script>alert("comment")</script> an editor\'s note -->',
      '',
      `Right-to-left text: ${TRICKY.rtl}.`,
      '',
      `A [link with odd characters](${TRICKY.oddLink}) here.`,
      '',
      '```html',
      TRICKY.codeBlock,
      '<img src=x onerror=alert(1)>',
      '<!-- block comment -->',
      '```',
    ].join('\n'),
  );
};

function htmlFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) found.push(path);
    }
  };
  walk(dir);
  return found.sort();
}

const parseHtml = (file: string) =>
  parse(readFileSync(file, 'utf8'), { comment: true, blockTextElements: { script: true, style: true } });

function allNodes(node: Node, out: Node[] = []): Node[] {
  out.push(node);
  for (const child of node.childNodes) allNodes(child, out);
  return out;
}
const elements = (root: Node) =>
  allNodes(root).filter((n): n is HTMLElement => n.nodeType === NodeType.ELEMENT_NODE);

/** What a page holds that content could have injected, each as a comparable string. */
function surface(file: string) {
  const root = parseHtml(file);
  const els = elements(root);
  const scripts = els
    .filter((el) => el.rawTagName?.toLowerCase() === 'script')
    .map((el) => {
      const type = el.getAttribute('type') ?? '';
      const srcAttr = el.getAttribute('src');
      if (srcAttr) return `src ${srcAttr.replace(/\.[A-Za-z0-9_-]{8}\.js$/, '.js')}`;
      if (/ld\+json/.test(type)) return `json-ld`;
      return `inline ${type} ${el.rawText}`;
    });
  const jsonLd = els
    .filter(
      (el) => el.rawTagName?.toLowerCase() === 'script' && /ld\+json/.test(el.getAttribute('type') ?? ''),
    )
    .map((el) => el.rawText);
  const handlers = els.flatMap((el) =>
    Object.keys(el.attributes)
      .filter((name) => /^on/i.test(name))
      .map((name) => `<${el.rawTagName} ${name}>`),
  );
  const urls = els.flatMap((el) =>
    Object.entries(el.attributes)
      .filter(([name]) =>
        /^(href|src|srcset|action|formaction|poster|data|cite|xlink:href|background|ping)$/i.test(name),
      )
      .map(([name, value]) => ({ tag: el.rawTagName, name, value })),
  );
  const badUrls = urls.filter(({ value }) =>
    // eslint-disable-next-line no-control-regex
    /^\s*(javascript|vbscript|data):/i.test(value.replace(/[\u0000-\u0020]/g, '')),
  );
  const metaEquiv = els
    .filter((el) => el.rawTagName?.toLowerCase() === 'meta' && el.getAttribute('http-equiv') !== undefined)
    .map((el) => el.getAttribute('http-equiv')!.toLowerCase());
  const bases = els.filter((el) => el.rawTagName?.toLowerCase() === 'base').length;
  const comments = allNodes(root)
    .filter((n) => n.nodeType === NodeType.COMMENT_NODE)
    .map((n) => n.rawText);
  const dangerous = els
    .map((el) => el.rawTagName?.toLowerCase() ?? '')
    .filter(
      (tag) =>
        ['iframe', 'object', 'embed', 'form', 'frame', 'frameset', 'applet', 'link'].includes(tag) &&
        tag !== 'link',
    );
  return { root, scripts, jsonLd, handlers, badUrls, metaEquiv, bases, comments, dangerous };
}

const trickyBuild = sharedBuildKept(MINIMAL, trickyMutate);
const cleanBuild = sharedBuildKept(MINIMAL, () => {});

/** Like sharedBuild, but dist/ stays until the file's tests are done. */
function sharedBuildKept(fixture: string, mutate: Mutate): () => Promise<Built> {
  let started: Promise<Built> | undefined;
  const get = () => (started ??= build(fixture, mutate));
  afterAll(async () => {
    if (started) (await started).cleanup();
  });
  return get;
}

/** A name in a script no share-image font covers (Georgian), where the build draws it (person pages). */
const undrawableNameMutate: Mutate = (f) =>
  f.replace(
    'people/ada-example.yaml',
    'country: fr',
    `country: fr\nnativeName:\n  text: "ადა ექზამპლი"\n  lang: ka`,
  );
const undrawableNameBuild = sharedBuild(MINIMAL, undrawableNameMutate);

describe('accepted but tricky content builds into safe pages and a well-formed feed', () => {
  it.concurrent(
    'a name share images cannot draw is refused by check:content and the build alike, naming the field',
    async () => {
      // The rules refuse what the last step of a build could not draw: never a late failure that
      // names an image instead of the file and field. (Arabic, in the tricky fixture, is drawn.)
      const [checked, built] = await Promise.all([
        checkContent(MINIMAL, undrawableNameMutate),
        undrawableNameBuild(),
      ]);
      const line = /^content\/people\/ada-example\.yaml:\d+ {2}nativeName\.text {2}share images cannot draw/m;
      expect(checked.status).toBe(1);
      expect(problemLines(checked.output)).toMatch(line);
      expect(built.status).not.toBe(0);
      expect(built.output).toMatch(line);
    },
  );

  it.concurrent('check:content accepts the tricky fixture', async () => {
    const result = await checkContent(MINIMAL, trickyMutate);
    expect(result.status, problemLines(result.output)).toBe(0);
  });

  it.concurrent('builds', async () => {
    const built = await trickyBuild();
    expect(built.status, problemLines(built.output)).toBe(0);
  });

  it.concurrent(
    'no script, handler, unsafe URL, meta http-equiv, base, comment or frame comes from content',
    async () => {
      const [tricky, clean] = await Promise.all([trickyBuild(), cleanBuild()]);
      expect(tricky.status, problemLines(tricky.output)).toBe(0);
      expect(clean.status, problemLines(clean.output)).toBe(0);
      const cleanPages = htmlFiles(clean.distDir).map(surface);
      const allowedScripts = new Set(cleanPages.flatMap((page) => page.scripts));
      const allowedEquiv = new Set(cleanPages.flatMap((page) => page.metaEquiv));
      const allowedComments = new Set(cleanPages.flatMap((page) => page.comments));
      const pages = htmlFiles(tricky.distDir);
      expect(pages.length).toBeGreaterThan(3);
      const report: string[] = [];
      for (const file of pages) {
        const page = surface(file);
        const name = relative(tricky.distDir, file);
        for (const script of page.scripts)
          if (!allowedScripts.has(script))
            report.push(`${name}: script not in the clean build: ${script.slice(0, 120)}`);
        for (const json of page.jsonLd) {
          try {
            JSON.parse(json);
          } catch {
            report.push(`${name}: JSON-LD does not parse: ${json.slice(0, 120)}`);
          }
          if (/<\/script|<!--/i.test(json)) report.push(`${name}: JSON-LD holds "</script" or "<!--"`);
        }
        for (const handler of page.handlers) report.push(`${name}: event handler ${handler}`);
        for (const url of page.badUrls)
          report.push(`${name}: unsafe URL ${url.name}="${url.value.slice(0, 60)}" on <${url.tag}>`);
        for (const equiv of page.metaEquiv)
          if (!allowedEquiv.has(equiv)) report.push(`${name}: <meta http-equiv="${equiv}">`);
        if (page.bases > 0) report.push(`${name}: <base>`);
        for (const comment of page.comments)
          if (!allowedComments.has(comment)) report.push(`${name}: comment <!--${comment.slice(0, 60)}-->`);
        // The search page's own form (src/pages/search.astro) is the site's, not the content's.
        for (const tag of page.dangerous)
          if (!(name === 'search/index.html' && tag === 'form')) report.push(`${name}: <${tag}>`);
      }
      expect(report).toEqual([]);
    },
  );

  it.concurrent('the tricky text shows as text on the article page', async () => {
    const tricky = await trickyBuild();
    expect(tricky.status, problemLines(tricky.output)).toBe(0);
    const root = parseHtml(join(tricky.distDir, 'articles/sample-story/index.html'));
    const text = (selector: string) => root.querySelectorAll(selector).map((el) => el.text);
    expect(text('h1')).toContain(TRICKY.title);
    // The <title> may be cut to fit 70 escaped characters (src/seo/seo.ts), never changed.
    const documentTitle = root.querySelector('title')?.text ?? '';
    expect(
      documentTitle.endsWith('…')
        ? TRICKY.title.startsWith(documentTitle.slice(0, -1))
        : documentTitle.includes(TRICKY.title),
      documentTitle,
    ).toBe(true);
    expect(documentTitle.length).toBeGreaterThan(10);
    expect(text('body').join(' ')).toContain(TRICKY.dek);
    expect(text('figcaption').join(' ')).toContain(TRICKY.caption);
    expect(text('body').join(' ')).toContain(TRICKY.eventTitle);
    expect(text('body').join(' ')).toContain(TRICKY.credit);
    expect(text('code')).toContain(TRICKY.codeSpan);
    expect(text('pre').join('\n')).toContain(TRICKY.codeBlock);
    expect(text('body').join(' ')).toContain(TRICKY.rtl);
    const abbr = root.querySelector('abbr');
    expect(abbr?.text).toBe('NATO');
    expect(abbr?.getAttribute('title')).toBe(TRICKY.abbrTitle);
    const link = root
      .querySelectorAll('a')
      .find((a) => (a.getAttribute('href') ?? '').startsWith('https://example.org/search'));
    expect(link, 'the odd https link is kept').toBeDefined();
    expect(readFileSync(join(tricky.distDir, 'articles/sample-story/index.html'), 'utf8')).not.toMatch(
      /alert\("comment"\)|editor's note/,
    );
    // The person's name, as text wherever it is shown.
    const person = parseHtml(join(tricky.distDir, 'people/ben-example/index.html'));
    expect(person.querySelector('h1')?.text).toContain(TRICKY.personName);
  });

  it.concurrent('the feed is well-formed XML and carries the tricky text as text', async () => {
    const tricky = await trickyBuild();
    expect(tricky.status, problemLines(tricky.output)).toBe(0);
    const xml = readFileSync(join(tricky.distDir, 'rss.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    // eslint-disable-next-line no-control-regex
    expect(xml, 'characters XML 1.0 forbids').not.toMatch(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/u,
    );
    // Only the five predefined entities and numeric references: anything else is not well-formed.
    expect(xml.match(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g) ?? []).toEqual([]);
    const feed = new XMLParser({ processEntities: true, htmlEntities: false }).parse(xml) as {
      rss: {
        channel: {
          item: { title: string; description?: string } | { title: string; description?: string }[];
        };
      };
    };
    const items = [feed.rss.channel.item].flat();
    expect(items.map((item) => String(item.title))).toContain(TRICKY.title);
    expect(items.map((item) => String(item.description ?? '')).join('\n')).toContain(TRICKY.dek);
  });
});
