/**
 * The parts of `npm run check:content` on their own: YAML read as Astro reads it, with line
 * numbers and the constructs it refuses, the frontmatter split, the live problems the dev
 * server's watcher records for the browser overlay, and the updates rules.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  liveProblems,
  liveProblemsMessage,
  recordRuleProblems,
  recordWatcherError,
  recordWatcherReload,
} from '../../src/schema/content-check-live.ts';
import {
  fieldName,
  isTomlFrontmatter,
  parseFieldName,
  readYaml,
  splitFrontmatter,
} from '../../src/lib/yaml.ts';
import { renderErrorMessage } from '../../src/lib/content-files.ts';
import { lastModified, newestFirst, updateProblems } from '../../src/lib/updates.ts';

describe('readYaml', () => {
  const text = "title: A\ntimeline:\n  - id: one\n    date: '2025-09-01'\n  - id: two\n    after: one\n";

  it('finds the line of a nested key, counted from the file line the YAML starts on', () => {
    const yaml = readYaml(text, 2);
    expect(yaml.lineOf(['title'])).toBe(2);
    expect(yaml.lineOf(['timeline', 0, 'date'])).toBe(5);
    expect(yaml.lineOf(['timeline', 1])).toBe(6);
  });

  it('falls back to the nearest existing parent for a missing field', () => {
    const yaml = readYaml(text);
    expect(yaml.lineOf(['timeline', 1, 'title'])).toBe(5);
    expect(yaml.lineOf(['byline'])).toBe(1);
  });

  it('reads unquoted dates as Astro does (a Date, impossible days rolled over)', () => {
    const { data, findings } = readYaml('a: 2025-09-04\nb: 2025-02-30\n');
    expect(findings).toEqual([]);
    expect(data).toEqual({ a: new Date('2025-09-04T00:00:00Z'), b: new Date('2025-03-02T00:00:00Z') });
  });

  it('reports a syntax error with its line and no data', () => {
    const yaml = readYaml('title: A\ndateline: Paris: France\n', 10);
    expect(yaml.data).toBeUndefined();
    expect(yaml.findings).toEqual([
      {
        field: '-',
        line: 11,
        problem: 'YAML syntax: bad indentation of a mapping entry',
        fix: 'check the indentation, and quote text that contains ": " or starts with a symbol',
      },
    ]);
  });

  it('reports a duplicate key at the line of the second one', () => {
    const yaml = readYaml('a: 1\nb: 2\na: 3\n', 10);
    expect(yaml.data).toBeUndefined();
    expect(yaml.findings).toEqual([
      { field: '-', line: 12, problem: 'YAML syntax: duplicated mapping key', fix: 'keep one of the two' },
    ]);
  });

  it('refuses a file of several YAML documents', () => {
    const yaml = readYaml('a: 1\n---\nb: 2\n', 10);
    expect(yaml.data).toBeUndefined();
    expect(yaml.findings).toMatchObject([
      {
        field: '-',
        line: 10,
        problem: 'YAML syntax: expected a single document in the stream, but found more',
      },
    ]);
  });
});

describe('readYaml refuses what copies or converts values', () => {
  it.each([
    [
      'an alias',
      'a: &x 1\nb: *x\n',
      11,
      'YAML alias "*x" repeats another value',
      'write the value out in full',
    ],
    [
      'a merge key',
      'base: &b {x: 1}\nc:\n  <<: *b\n',
      12,
      'YAML merge key "<<" copies fields from elsewhere',
      'write the fields out in full',
    ],
    [
      'an explicit !!binary tag',
      'a: 1\nb: !!binary aGVsbG8=\n',
      11,
      'YAML tag "!!binary"',
      'remove it: write plain text, numbers, lists and fields',
    ],
    [
      'an explicit !!int tag',
      "a: !!int '3'\n",
      10,
      'YAML tag "!!int"',
      'remove it: write plain text, numbers, lists and fields',
    ],
  ])('%s, with its line and no data', (_label, text, line, problem, fix) => {
    const yaml = readYaml(text, 10);
    expect(yaml.data).toBeUndefined();
    expect(yaml.findings).toEqual([{ field: '-', line, problem, fix }]);
  });

  it('a !!js/function tag, refused like any tag before js-yaml sees it', () => {
    const yaml = readYaml('a: 1\nb: !!js/function "function () {}"\n', 10);
    expect(yaml.data).toBeUndefined();
    expect(yaml.findings).toEqual([
      {
        field: '-',
        line: 11,
        problem: 'YAML tag "!!js/function"',
        fix: 'remove it: write plain text, numbers, lists and fields',
      },
    ]);
  });

  it('leaves a redundant !!str tag alone', () => {
    expect(readYaml('a: !!str x\n')).toMatchObject({ data: { a: 'x' }, findings: [] });
  });

  it('a billion-laughs alias bomb: one problem, without expanding it', () => {
    const lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let level = 1; level <= 9; level++) {
      const prev = `*a${level - 1}`;
      lines.push(`a${level}: &a${level} [${Array(9).fill(prev).join(', ')}]`);
    }
    const yaml = readYaml(lines.join('\n'), 5);
    expect(yaml.data).toBeUndefined();
    expect(yaml.findings).toEqual([
      {
        field: '-',
        line: 6,
        problem: 'YAML alias "*a0" repeats another value',
        fix: 'write the value out in full',
      },
    ]);
  });
});

describe('splitFrontmatter', () => {
  it('finds the block as Astro does: the YAML from the opening fence, the body from the closing one', () => {
    // The YAML and the body each begin with the rest of their fence's line.
    expect(splitFrontmatter('---\ntitle: A\n---\n\nBody.\n')).toEqual({
      yaml: '\ntitle: A\n',
      yamlLine: 1,
      body: '\n\nBody.\n',
      bodyLine: 3,
    });
    expect(splitFrontmatter('\n---\ntitle: A\n---\nBody.')).toMatchObject({ yamlLine: 2, bodyLine: 4 });
    expect(splitFrontmatter('No frontmatter.')).toBeUndefined();
  });

  it('gives lines the YAML reader turns into file lines', () => {
    const source = '---\ntitle: A\ndek: B\n---\n\nBody.\n';
    const front = splitFrontmatter(source)!;
    const yaml = readYaml(front.yaml, front.yamlLine);
    expect(yaml.lineOf(['dek'])).toBe(3);
    expect(front.body.split('\n').findIndex((line) => line === 'Body.') + front.bodyLine).toBe(6);
  });

  it('tells TOML frontmatter apart', () => {
    expect(isTomlFrontmatter('+++\ntitle = "A"\n+++\nBody.')).toBe(true);
    expect(isTomlFrontmatter('\uFEFF+++\ntitle = "A"\n+++\n')).toBe(true);
    expect(isTomlFrontmatter('---\ntitle: A\n---\nBody.')).toBe(false);
  });
});

describe('field names', () => {
  it('go both ways between paths and "timeline[2].date"', () => {
    expect(fieldName(['timeline', 2, 'date'])).toBe('timeline[2].date');
    expect(fieldName([3, 'name'])).toBe('[3].name');
    expect(parseFieldName('timeline[2].people[0]')).toEqual(['timeline', 2, 'people', 0]);
  });
});

describe('live problems (dev server)', () => {
  afterEach(() => {
    liveProblems().clear();
    recordRuleProblems([]);
  });
  const BASE = 'content/articles';

  it('records a failed reload until the file reloads cleanly', () => {
    recordWatcherError(BASE, 'Failed to reload x/index.md: **published**: bad date', renderErrorMessage);
    expect(liveProblemsMessage()).toBe('content/articles/x/index.md  **published**: bad date');
    recordWatcherReload(BASE, 'Reloaded data from \x1b[32mx/index.md\x1b[39m');
    expect(liveProblemsMessage()).toBe('');
  });

  it("shows the rules' latest problems first, formatted", () => {
    recordRuleProblems([
      { file: 'content/people/x.yaml', line: 2, field: 'name', problem: 'is empty', fix: 'write it' },
    ]);
    recordWatcherError(BASE, 'Failed to reload y/index.md: broken', renderErrorMessage);
    expect(liveProblemsMessage()).toBe(
      'content/people/x.yaml:2  name  is empty: write it\ncontent/articles/y/index.md  broken',
    );
  });

  it('keeps a render error through the reload that follows it in the same sync', () => {
    const line = 'content/articles/x/index.md:35  body  raw HTML <script> is not allowed';
    recordWatcherError(
      BASE,
      `Error rendering x/index.md: Failed to parse Markdown file "/p/x/index.md":\n${line}`,
      renderErrorMessage,
    );
    recordWatcherReload(BASE, 'Reloaded data from x/index.md');
    expect(liveProblemsMessage()).toBe(line);
    recordWatcherReload(BASE, 'Reloaded data from x/index.md');
    expect(liveProblemsMessage()).toBe('');
  });
});

describe('updates', () => {
  const updates = [
    { time: '2025-09-05T10:00:00+01:00', kind: 'correction' as const, text: 'b' },
    { time: '2025-09-06T09:00:00+02:00', kind: 'update' as const, text: 'c' },
    { time: '2025-09-04T18:00:00+01:00', kind: 'update' as const, text: 'a' },
  ];

  it('the modified time is the latest of "updated" and the updates', () => {
    expect(lastModified({ published: '2025-09-04' })).toBeUndefined();
    expect(lastModified({ published: '2025-09-04', updated: '2025-09-05' })).toBe('2025-09-05');
    expect(lastModified({ published: '2025-09-04', updated: '2025-09-05T08:00:00+01:00', updates })).toBe(
      '2025-09-06T09:00:00+02:00',
    );
    expect(lastModified({ published: '2025-09-04', updated: '2025-09-07T08:00:00Z', updates })).toBe(
      '2025-09-07T08:00:00Z',
    );
  });

  it('lists the newest first', () => {
    expect(newestFirst(updates).map((entry) => entry.text)).toEqual(['c', 'b', 'a']);
  });

  it('refuses an update before publication', () => {
    expect(updateProblems({ published: '2025-09-04T12:00:00+01:00', updates: [updates[2]!] })).toEqual([]);
    expect(updateProblems({ published: '2025-09-05', updates: [updates[2]!] })).toEqual([
      {
        field: 'updates[0].time',
        problem:
          '"2025-09-04T18:00:00+01:00" is before "published" (2025-09-05): an update comes after publication',
        fix: 'correct the time',
      },
    ]);
  });

  it('refuses two updates at the same moment, written in different offsets', () => {
    expect(
      updateProblems({
        published: '2025-09-04',
        updates: [{ time: '2025-09-05T10:00:00+01:00' }, { time: '2025-09-05T11:00:00+02:00' }],
      }),
    ).toEqual([
      {
        field: 'updates[1].time',
        problem: 'same time as updates[0]',
        fix: 'give each update its own time, or merge the two',
      },
    ]);
  });
});
