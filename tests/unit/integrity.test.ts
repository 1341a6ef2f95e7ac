import { describe, expect, it } from 'vitest';
import {
  articleProblems,
  formatContentProblems,
  personProblems,
  unlistedMentionProblems,
  type ArticleFacts,
  type Known,
} from '../../src/lib/integrity';

const FILE = 'content/articles/paris-meeting/index.md';

const known: Known = {
  people: new Set(['volodymyr-zelensky', 'emmanuel-macron', 'keir-starmer']),
  countries: new Set(['ua', 'fr', 'gb']),
};

const ref = (id: string) => ({ id });

/** A valid article; each test breaks one thing. */
function article(overrides: Partial<ArticleFacts> = {}): ArticleFacts {
  return {
    file: FILE,
    published: '2025-09-04',
    people: [ref('volodymyr-zelensky'), ref('emmanuel-macron')],
    countries: [ref('ua'), ref('fr')],
    timeline: [
      { id: 'talks', date: '2025-08-18', people: [ref('emmanuel-macron')], countries: [ref('fr')] },
      { id: 'later', after: 'talks', people: [], countries: [] },
      {
        id: 'meeting',
        date: '2025-09-04',
        main: true,
        people: [ref('volodymyr-zelensky'), ref('keir-starmer')],
        countries: [ref('ua'), ref('gb')],
      },
    ],
    gallery: [
      { id: 'welcome', people: [ref('emmanuel-macron'), ref('volodymyr-zelensky')] },
      { id: 'arrival', people: [] },
    ],
    ...overrides,
  };
}

describe('articleProblems', () => {
  it('finds nothing wrong with a consistent article', () => {
    expect(articleProblems(article(), known)).toEqual([]);
  });

  it('names every problem with the article file', () => {
    const problems = articleProblems(
      article({ people: [ref('nobody')], updated: '2025-01-01' }),
      known,
    );
    expect(problems.length).toBe(2);
    for (const problem of problems) expect(problem.file).toBe(FILE);
  });

  it('reports an unknown person in the article, at its index, saying where to add it', () => {
    const problems = articleProblems(
      article({ people: [ref('volodymyr-zelensky'), ref('volodymyr-zelenskyy')] }),
      known,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe('people[1]');
    expect(problems[0]!.message).toContain('unknown person "volodymyr-zelenskyy"');
    expect(problems[0]!.message).toContain('content/people/<id>.yaml');
  });

  it('reports an unknown country in the article, saying where to add it', () => {
    const problems = articleProblems(article({ countries: [ref('uk'), ref('ua')] }), known);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe('countries[0]');
    expect(problems[0]!.message).toContain('unknown country "uk"');
    expect(problems[0]!.message).toContain('content/countries.yaml');
  });

  it('does not take a country id for a person or the other way round', () => {
    const problems = articleProblems(article({ people: [ref('ua')], countries: [ref('keir-starmer')] }), known);
    expect(problems.map((problem) => problem.field)).toEqual(['people[0]', 'countries[0]']);
  });

  it('reports unknown people and countries in timeline events with the full field path', () => {
    const base = article();
    const timeline = base.timeline.map((event) => ({ ...event }));
    timeline[2] = { ...timeline[2]!, people: [ref('donald-trump'), ref('keir-starmer')] };
    timeline[0] = { ...timeline[0]!, countries: [ref('fr'), ref('us')] };
    const problems = articleProblems({ ...base, timeline }, known);
    expect(problems.map((problem) => problem.field).sort()).toEqual([
      'timeline[0].countries[1]',
      'timeline[2].people[0]',
    ]);
    const person = problems.find((problem) => problem.field === 'timeline[2].people[0]')!;
    expect(person.message).toContain('"donald-trump"');
    const country = problems.find((problem) => problem.field === 'timeline[0].countries[1]')!;
    expect(country.message).toContain('"us"');
  });

  it('reports unknown people in gallery photos with the full field path', () => {
    const problems = articleProblems(
      article({
        gallery: [
          { id: 'welcome', people: [] },
          { id: 'arrival', people: [ref('emmanuel-macron'), ref('steve-witkoff')] },
        ],
      }),
      known,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe('gallery[1].people[1]');
    expect(problems[0]!.message).toContain('unknown person "steve-witkoff"');
  });

  it('reports a duplicate photo id at the later photo', () => {
    const problems = articleProblems(
      article({
        gallery: [
          { id: 'welcome', people: [] },
          { id: 'arrival', people: [] },
          { id: 'welcome', people: [] },
        ],
      }),
      known,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe('gallery[2].id');
    expect(problems[0]!.message).toContain('duplicate photo id "welcome"');
  });

  it('reports an update dated before publication', () => {
    const problems = articleProblems(article({ published: '2025-09-04', updated: '2025-09-03' }), known);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe('updated');
    expect(problems[0]!.message).toContain('2025-09-03');
    expect(problems[0]!.message).toContain('2025-09-04');
  });

  it('accepts an update on or after publication, at any precision', () => {
    expect(articleProblems(article({ updated: '2025-09-04' }), known)).toEqual([]);
    expect(articleProblems(article({ updated: '2025-09-05' }), known)).toEqual([]);
    expect(
      articleProblems(
        article({ published: '2025-09-04T10:00:00+02:00', updated: '2025-09-04T10:05:00+02:00' }),
        known,
      ),
    ).toEqual([]);
  });

  it('compares instants in different offsets as instants', () => {
    // 09:00 in London (UTC+1) is 10:00 in Paris (UTC+2): the same moment, not earlier.
    expect(
      articleProblems(
        article({ published: '2025-09-04T10:00:00+02:00', updated: '2025-09-04T09:00:00+01:00' }),
        known,
      ),
    ).toEqual([]);
    const problems = articleProblems(
      article({ published: '2025-09-04T10:00:00+02:00', updated: '2025-09-04T08:59:00+01:00' }),
      known,
    );
    expect(problems.map((problem) => problem.field)).toEqual(['updated']);
  });

  it('reports timeline rule breaks as `timeline[<index>].<field>`', () => {
    const problems = articleProblems(
      article({
        timeline: [
          { id: 'talks', date: '2025-08-18', main: true, people: [], countries: [] },
          { id: 'talks', date: '2025-08-19', people: [], countries: [] },
          { id: 'later', after: 'lunch', people: [], countries: [] },
          { id: 'summit', date: '2025-10-01', main: true, people: [], countries: [] },
        ],
      }),
      known,
    );
    expect(problems.map((problem) => problem.field).sort()).toEqual([
      'timeline[1].id',
      'timeline[2].after',
      'timeline[3].date',
      'timeline[3].main',
    ]);
    expect(problems.find((problem) => problem.field === 'timeline[2].after')!.message).toContain('"lunch"');
  });

  it('checks timeline dates against the article’s own publication date', () => {
    const facts = article({
      timeline: [{ id: 'summit', date: '2025-10-01', people: [], countries: [] }],
    });
    expect(articleProblems({ ...facts, published: '2025-09-04' }, known)).toHaveLength(1);
    expect(articleProblems({ ...facts, published: '2025-10-02' }, known)).toEqual([]);
  });

  it('reports every problem at once, not only the first', () => {
    const problems = articleProblems(
      {
        file: FILE,
        published: '2025-09-04',
        updated: '2024-01-01',
        people: [ref('a')],
        countries: [ref('b')],
        timeline: [{ id: 'x', date: '2025-08-01', people: [ref('c')], countries: [ref('d')] }],
        gallery: [
          { id: 'p', people: [ref('e')] },
          { id: 'p', people: [] },
        ],
      },
      known,
    );
    expect(problems.map((problem) => problem.field).sort()).toEqual([
      'countries[0]',
      'gallery[0].people[0]',
      'gallery[1].id',
      'people[0]',
      'timeline[0].countries[0]',
      'timeline[0].people[0]',
      'updated',
    ]);
  });
});

describe('unlistedMentionProblems', () => {
  const zelensky = { kind: 'person' as const, id: 'volodymyr-zelensky', names: ['Volodymyr Zelensky', 'Zelensky'] };
  const macron = { kind: 'person' as const, id: 'emmanuel-macron', names: ['Emmanuel Macron', 'Macron'] };
  const ukraine = { kind: 'country' as const, id: 'ua', names: ['Ukraine'] };
  const uk = { kind: 'country' as const, id: 'gb', names: ['United Kingdom', 'U.K.'] };

  it('accepts text that names only listed people and countries', () => {
    expect(
      unlistedMentionProblems(FILE, [zelensky, ukraine], { people: [ref('volodymyr-zelensky')], countries: [ref('ua')] }),
    ).toEqual([]);
  });

  it('reports each named but unlisted person or country under the field to add it to', () => {
    const problems = unlistedMentionProblems(FILE, [zelensky, macron, ukraine, uk], {
      people: [ref('volodymyr-zelensky')],
      countries: [ref('ua')],
    });
    expect(problems.map((problem) => [problem.file, problem.field])).toEqual([
      [FILE, 'people'],
      [FILE, 'countries'],
    ]);
    expect(problems[0]!.message).toContain('"Emmanuel Macron"');
    expect(problems[0]!.message).toContain('"emmanuel-macron"');
    expect(problems[1]!.message).toContain('"United Kingdom"');
    expect(problems[1]!.message).toContain('"gb"');
  });

  it('does not count a country id listed under people, or the other way round', () => {
    const problems = unlistedMentionProblems(FILE, [ukraine], { people: [ref('ua')], countries: [] });
    expect(problems.map((problem) => problem.field)).toEqual(['countries']);
  });
});

describe('personProblems', () => {
  it('accepts a known country', () => {
    expect(personProblems('content/people/keir-starmer.yaml', ref('gb'), known)).toEqual([]);
  });

  it('reports an unknown country with the file and field', () => {
    expect(personProblems('content/people/keir-starmer.yaml', ref('uk'), known)).toEqual([
      {
        file: 'content/people/keir-starmer.yaml',
        field: 'country',
        message: expect.stringContaining('unknown country "uk"'),
      },
    ]);
  });
});

describe('formatContentProblems', () => {
  it('puts file, field and message of each problem on its own line', () => {
    const text = formatContentProblems([
      { file: 'a.md', field: 'people[0]', message: 'first' },
      { file: 'b.md', field: 'timeline[2].people[0]', message: 'second' },
    ]);
    const lines = text.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^a\.md\s+people\[0\]\s+first$/);
    expect(lines[1]).toMatch(/^b\.md\s+timeline\[2\]\.people\[0\]\s+second$/);
  });

  it('is empty for no problems', () => {
    expect(formatContentProblems([])).toBe('');
  });
});
