/**
 * The parts of `npm run check:content` on their own: YAML with line numbers, the live problems
 * the dev server's watcher records for the browser overlay, and the updates rules.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  liveProblems,
  liveProblemsMessage,
  recordWatcherError,
  recordWatcherReload,
} from '../../src/lib/content-check-live';
import { fieldName, parseFieldName, parseYaml, splitFrontmatter } from '../../src/lib/content-check-yaml';
import { renderErrorMessage } from '../../src/lib/content-files';
import { lastModified, newestFirst, updateProblems } from '../../src/lib/updates';

describe('parseYaml', () => {
  const text = "title: A\ntimeline:\n  - id: one\n    date: '2025-09-01'\n  - id: two\n    after: one\n";

  it('finds the line of a nested key, counted from the file line the YAML starts on', () => {
    const yaml = parseYaml(text, 2);
    expect(yaml.lineOf(['title'])).toBe(2);
    expect(yaml.lineOf(['timeline', 0, 'date'])).toBe(5);
    expect(yaml.lineOf(['timeline', 1])).toBe(6);
  });

  it('falls back to the nearest existing parent for a missing field', () => {
    const yaml = parseYaml(text);
    expect(yaml.lineOf(['timeline', 1, 'title'])).toBe(5);
    expect(yaml.lineOf(['byline'])).toBe(1);
  });

  it('reads unquoted dates as Astro does (a Date, impossible days rolled over)', () => {
    const { data } = parseYaml('a: 2025-09-04\nb: 2025-02-30\n');
    expect(data).toEqual({ a: new Date('2025-09-04T00:00:00Z'), b: new Date('2025-03-02T00:00:00Z') });
  });

  it('reports syntax errors with their line and no data', () => {
    const yaml = parseYaml('a: 1\na: 2\n', 10);
    expect(yaml.data).toBeUndefined();
    expect(yaml.errors).toEqual([{ line: 11, message: 'Map keys must be unique' }]);
  });
});

describe('splitFrontmatter', () => {
  it('finds the block, its first YAML line and where the body starts', () => {
    expect(splitFrontmatter('---\ntitle: A\n---\n\nBody.\n')).toEqual({
      yaml: 'title: A\n',
      yamlLine: 2,
      body: '\nBody.\n',
      bodyLine: 4,
    });
    expect(splitFrontmatter('\n---\ntitle: A\n---\nBody.')?.yamlLine).toBe(3);
    expect(splitFrontmatter('No frontmatter.')).toBeUndefined();
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
  afterEach(() => liveProblems().clear());
  const BASE = 'content/articles';

  it('records a failed reload until the file reloads cleanly', () => {
    recordWatcherError(BASE, 'Failed to reload x/index.md: **published**: bad date', renderErrorMessage);
    expect(liveProblemsMessage()).toBe('content/articles/x/index.md  **published**: bad date');
    recordWatcherReload(BASE, 'Reloaded data from \x1b[32mx/index.md\x1b[39m');
    expect(liveProblemsMessage()).toBe('');
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
    expect(
      updateProblems({ published: '2025-09-05', updates: [updates[2]!] }).map((problem) => problem.field),
    ).toEqual(['updates[0].time']);
  });
});
