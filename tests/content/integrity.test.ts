/**
 * Cross-entry rules (src/schema/content-rules.ts, references in src/schema/content-check-schemas.ts),
 * run by the loaders before Astro reads an entry, so `astro sync` sees them: on its own, Astro
 * merely logs an unknown reference and exits 0. Every problem is listed in one error,
 * `file:line  field  problem: fix` per line, so the bad cases share one sync (see `caseGroup`);
 * each breaks its own copy of the article. The first case proves the minimal fixture itself
 * builds, so each failure comes from a mutation.
 */
import { describe, expect, it } from 'vitest';
import { caseGroup, expectFailure, re, runFixture, type Mutation } from './support.ts';

describe('the minimal fixture', () => {
  it.concurrent('builds without errors', async () => {
    const run = await runFixture('build');
    expect(run.status, run.output).toBe(0);
    expect(run.output).toMatch(/\/articles\/sample-story\/index\.html/);
  });
});

interface Case {
  title: string;
  mutate: Mutation;
  /** The problem line src/model/data.ts must print, given the broken article's path. */
  line: (file: string) => RegExp;
}

/** A problem line naming `file` and `field`, then `message` (a RegExp source). */
const problem = (file: string, field: string, message: string) =>
  new RegExp(`^${re(file)}:\\d+ {2}${re(field)} {2}${message}`);

const cases: Record<string, Case> = {
  'unknown-person': {
    title: 'an unknown person id in the article "people" fails, naming file and field',
    mutate: (f, article) =>
      f.replace(
        article,
        'people: [ada-example, ben-example]\ncountries',
        'people: [ada-example, nobody-known]\ncountries',
      ),
    line: (file) =>
      problem(file, 'people[1]', 'unknown person "nobody-known": add it to content/people/<id>\\.yaml'),
  },
  'unknown-event-country': {
    title: 'an unknown country id in a timeline event fails, naming file and field',
    mutate: (f, article) => f.replace(article, 'countries: [gb]', 'countries: [xx]'),
    line: (file) =>
      problem(file, 'timeline[1].countries[0]', 'unknown country "xx": add it to content/countries\\.yaml'),
  },
  'unknown-person-country': {
    title: 'an unknown country in a person file fails, naming file and field',
    mutate: (f) => f.replace('people/ben-example.yaml', 'country: gb', 'country: zz'),
    line: () =>
      problem(
        'content/people/ben-example.yaml',
        'country',
        'unknown country "zz": add it to content/countries\\.yaml',
      ),
  },
  'after-missing-event': {
    title: '"after" pointing to a missing event fails',
    mutate: (f, article) => f.replace(article, 'after: talks-begin', 'after: no-such-event'),
    line: (file) =>
      problem(
        file,
        'timeline[1].after',
        'event "joint-statement" is placed after "no-such-event", which is not an event of this article',
      ),
  },
  'duplicate-event-id': {
    title: 'a duplicate event id fails',
    mutate: (f, article) =>
      f.replace(
        article,
        'gallery:\n',
        "  - id: talks-begin\n    date: '2025-09-02'\n    title: Talks resume\n    body: Talks resumed.\ngallery:\n",
      ),
    line: (file) =>
      problem(file, 'timeline[2].id', 'duplicate event id "talks-begin" \\(also timeline\\[0\\]\\)'),
  },
  'event-after-publication': {
    title: 'an event dated after publication without "planned: true" fails',
    mutate: (f, article) => f.replace(article, "date: '2025-09-01'", "date: '2025-09-10'"),
    line: (file) =>
      problem(
        file,
        'timeline[0].date',
        `event "talks-begin" is dated 2025-09-10, after the article's publication \\(2025-09-04\\): mark it "planned: true"`,
      ),
  },
  'unlisted-mention': {
    title: 'a registered person named in the text but missing from "people" fails',
    mutate: (f, article) => {
      f.replace(article, 'people: [ada-example, ben-example]\ncountries', 'people: [ada-example]\ncountries');
      f.replace(
        article,
        'Ministers met in Paris on Sept. 4.',
        'Ministers met in Paris on Sept. 4. Ben Example spoke.',
      );
    },
    line: (file) =>
      problem(
        file,
        'people',
        'the text names "Ben Example" but "people" does not list "ben-example": add "ben-example" to "people"',
      ),
  },
  'two-main-events': {
    title: 'more than one main event fails',
    mutate: (f, article) => {
      f.replace(article, "    date: '2025-09-01'\n", "    date: '2025-09-01'\n    main: true\n");
      f.replace(article, '    after: talks-begin\n', '    after: talks-begin\n    main: true\n');
    },
    line: (file) =>
      problem(file, 'timeline[1].main', 'only one event can be the main event; "talks-begin" already is'),
  },
};

const runCase = caseGroup(
  'sync',
  Object.fromEntries(Object.entries(cases).map(([slug, { mutate }]) => [slug, mutate])),
);

describe('references and timeline rules (sync)', () => {
  for (const [slug, { title, line }] of Object.entries(cases)) {
    it.concurrent(title, async () => {
      const { run, article } = await runCase(slug);
      expectFailure(run, /^Content problems:$/, line(`content/${article}`));
    });
  }
});
