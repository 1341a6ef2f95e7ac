/**
 * The rules a schema cannot express (src/schema/content-rules.ts), on parsed articles. Unknown ids
 * are schema issues now (src/schema/content-check-schemas.ts): they are tested at the end.
 */
import { describe, expect, it } from 'vitest';
import { articleSchema, personSchema } from '../../src/schema/content-check-schemas.ts';
import {
  articleFindings,
  bodyDepthFinding,
  countryCodeFindings,
  nearestId,
  PLACEHOLDER,
  timelineOrderFindings,
  type CheckedArticle,
  type Registry,
} from '../../src/schema/content-rules.ts';
import { splitMessage } from '../../src/lib/problem.ts';
import { limits } from '../../src/site.ts';

const ref = (id: string) => ({ id });
const role = (title: string, from?: string, until?: string) => ({ title, from, until });

const registry: Registry = {
  people: new Set(['volodymyr-zelensky', 'emmanuel-macron', 'keir-starmer']),
  roles: new Map([
    ['volodymyr-zelensky', [role('President of Ukraine', '2019-05-20')]],
    ['emmanuel-macron', [role('President of France', '2017-05-14')]],
    [
      'keir-starmer',
      [role('Leader of the Opposition', '2020-04-04', '2024-07-05'), role('Prime Minister', '2024-07-05')],
    ],
  ]),
  countries: new Set(['ua', 'fr', 'gb']),
  mentionables: [
    { kind: 'person', id: 'volodymyr-zelensky', names: ['Volodymyr Zelensky', 'Zelensky'] },
    { kind: 'person', id: 'emmanuel-macron', names: ['Emmanuel Macron', 'Macron'] },
    { kind: 'person', id: 'keir-starmer', names: ['Keir Starmer'] },
    { kind: 'country', id: 'ua', names: ['Ukraine'] },
    { kind: 'country', id: 'gb', names: ['United Kingdom', 'U.K.'] },
  ],
};

const event = (id: string, timing: Partial<CheckedArticle['timeline'][number]> = {}) => ({
  id,
  people: [],
  countries: [],
  ...timing,
});

/** A consistent article; each test breaks one thing. */
function article(overrides: Partial<CheckedArticle> = {}): CheckedArticle {
  return {
    published: '2025-09-04',
    draft: false,
    updates: [],
    people: [ref('volodymyr-zelensky'), ref('emmanuel-macron')],
    countries: [ref('ua'), ref('fr')],
    timeline: [
      event('talks', { date: '2025-08-18', people: [ref('emmanuel-macron')], countries: [ref('fr')] }),
      event('later', { after: 'talks' }),
      event('meeting', {
        date: '2025-09-04',
        main: true,
        people: [ref('keir-starmer')],
        countries: [ref('gb')],
      }),
    ],
    gallery: [
      { id: 'welcome', people: [ref('emmanuel-macron'), ref('volodymyr-zelensky')] },
      { id: 'arrival', people: [] },
    ],
    unlinked: [],
    ...overrides,
  };
}

const BODY = 'Volodymyr Zelensky met Emmanuel Macron in Paris.\n';
const findings = (overrides: Partial<CheckedArticle> = {}, body = BODY) =>
  articleFindings(article(overrides), body, 20, registry);
const fields = (overrides: Partial<CheckedArticle> = {}, body = BODY) =>
  findings(overrides, body).map((finding) => finding.field);

describe('articleFindings', () => {
  it('finds nothing wrong with a consistent article', () => {
    expect(findings()).toEqual([]);
  });

  it('reports a duplicate photo id at the later photo', () => {
    const gallery = [
      { id: 'welcome', people: [] },
      { id: 'arrival', people: [] },
      { id: 'welcome', people: [] },
    ];
    expect(findings({ gallery })).toEqual([
      {
        field: 'gallery[2].id',
        problem: 'duplicate photo id "welcome" (also gallery[0])',
        fix: 'give each photo its own id',
      },
    ]);
  });

  it('reports "updated" before "published"', () => {
    expect(findings({ updated: '2025-09-03' })).toEqual([
      {
        field: 'updated',
        problem: '"2025-09-03" is before "published" (2025-09-04)',
        fix: 'correct the date, or remove "updated"',
      },
    ]);
  });

  it('accepts "updated" on or after publication, at any precision', () => {
    expect(fields({ updated: '2025-09-04' })).toEqual([]);
    expect(fields({ updated: '2025-09-05' })).toEqual([]);
    expect(fields({ published: '2025-09-04T10:00:00+02:00', updated: '2025-09-04T10:05:00+02:00' })).toEqual(
      [],
    );
  });

  it('compares instants in different offsets as instants', () => {
    // 09:00 in London (UTC+1) is 10:00 in Paris (UTC+2): the same moment, not earlier.
    expect(fields({ published: '2025-09-04T10:00:00+02:00', updated: '2025-09-04T09:00:00+01:00' })).toEqual(
      [],
    );
    expect(fields({ published: '2025-09-04T10:00:00+02:00', updated: '2025-09-04T08:59:00+01:00' })).toEqual([
      'updated',
    ]);
  });

  it('reports an update before publication and two at one time', () => {
    const updates = [
      { time: '2025-09-03T10:00:00Z' },
      { time: '2025-09-05T10:00:00Z' },
      { time: '2025-09-05T11:00:00+01:00' },
    ];
    expect(fields({ updates })).toEqual(['updates[0].time', 'updates[2].time']);
  });

  it('reports timeline rule breaks as timeline[<index>].<field>', () => {
    const timeline = [
      event('talks', { date: '2025-08-18', main: true }),
      event('talks', { date: '2025-08-19' }),
      event('later', { after: 'lunch' }),
      event('summit', { date: '2025-10-01', main: true }),
    ];
    const found = findings({ timeline });
    expect(found.map((finding) => finding.field)).toEqual([
      'timeline[1].id',
      'timeline[2].after',
      'timeline[3].date',
      'timeline[3].main',
    ]);
    expect(found[1]!.problem).toBe(
      'event "later" is placed after "lunch", which is not an event of this article',
    );
  });

  it('reports each event of an "after" loop', () => {
    const timeline = [
      event('dated', { date: '2025-08-01' }),
      event('x', { after: 'y' }),
      event('y', { after: 'x' }),
    ];
    // The order rule finds x above y as well; checkContent keeps the first per field (the loop).
    expect(findings({ timeline })).toEqual([
      {
        field: 'timeline[1].after',
        problem: 'event "x": the "after" links form a loop',
        fix: 'give one of these events its "date"',
      },
      {
        field: 'timeline[2].after',
        problem: 'event "y": the "after" links form a loop',
        fix: 'give one of these events its "date"',
      },
      {
        field: 'timeline[1].after',
        problem: 'event "x" follows "y", which is listed below it',
        fix: 'move it below "y"',
      },
    ]);
  });

  it('checks timeline dates against the article’s own publication date', () => {
    const timeline = [event('summit', { date: '2025-10-01' })];
    expect(fields({ timeline, published: '2025-09-04' })).toEqual(['timeline[0].date']);
    expect(fields({ timeline, published: '2025-10-02' })).toEqual([]);
  });

  describe('roles on the article’s date', () => {
    it('reports a listed person without a role then, once, at the first place listed', () => {
      const timeline = [event('talks', { date: '2019-01-01', people: [ref('volodymyr-zelensky')] })];
      const gallery = [{ id: 'welcome', people: [ref('volodymyr-zelensky')] }];
      expect(findings({ published: '2019-01-01', timeline, gallery }, '')).toEqual([
        {
          field: 'people[0]',
          problem: "volodymyr-zelensky holds no role on the article's date (2019-01-01)",
          fix: 'add the role held then to "roles" in content/people/volodymyr-zelensky.yaml (leave out "from" when the report does not say when it began)',
        },
      ]);
    });

    it('checks people listed only in an event or a photo', () => {
      const timeline = [event('vote', { date: '2020-01-01', people: [ref('keir-starmer')] })];
      const gallery = [{ id: 'p', people: [ref('keir-starmer')] }];
      expect(fields({ published: '2020-01-01', people: [], timeline, gallery }, '')).toEqual([
        'timeline[0].people[0]',
      ]);
      expect(fields({ published: '2020-01-01', people: [], timeline: [], gallery }, '')).toEqual([
        'gallery[0].people[0]',
      ]);
    });

    it('does not apply to a person registered without roles: they are named alone', () => {
      const bare: Registry = { ...registry, roles: new Map([...registry.roles, ['volodymyr-zelensky', []]]) };
      expect(
        articleFindings(article({ published: '2019-01-01', timeline: [], gallery: [] }), '', 20, bare),
      ).toEqual([]);
    });

    it('counts a role without a start date as held on every date up to its end', () => {
      const undated: Registry = {
        ...registry,
        roles: new Map([
          ...registry.roles,
          ['volodymyr-zelensky', [role('President of Ukraine')]],
          ['emmanuel-macron', [role('President of France', undefined, '2025-01-01')]],
        ]),
      };
      const only = { timeline: [], gallery: [] };
      const check = (published: string) =>
        articleFindings(article({ ...only, published }), '', 20, undated).map((finding) => finding.field);
      expect(check('1990-01-01')).toEqual([]);
      expect(check('2025-01-01')).toEqual([]);
      // Dated roles that all miss the date are still reported: the file tracks offices, and the
      // one the report gives is missing.
      expect(check('2025-01-02')).toEqual(['people[1]']);
    });

    it('needs the role to cover the whole period a coarse date names', () => {
      // Starmer became Prime Minister on 5 July 2024: he held a role on every day of July, but
      // no single role covers the whole month.
      const only = { people: [ref('keir-starmer')], timeline: [], gallery: [] };
      expect(fields({ ...only, published: '2024-07-05' }, '')).toEqual([]);
      expect(fields({ ...only, published: '2024-07' }, '')).toEqual(['people[0]']);
    });
  });

  describe('people and countries the text names', () => {
    it('reports each named but unlisted one under the field to add it to', () => {
      const body = 'Zelensky met Keir Starmer of the U.K. and Macron in Ukraine.';
      expect(findings({}, body)).toEqual([
        {
          field: 'people',
          problem: 'the text names "Keir Starmer" but "people" does not list "keir-starmer"',
          fix: 'add "keir-starmer" to "people"',
        },
        {
          field: 'countries',
          problem: 'the text names "United Kingdom" but "countries" does not list "gb"',
          fix: 'add "gb" to "countries"',
        },
      ]);
    });

    it('names every one missing from a list in one finding', () => {
      const body = 'Keir Starmer met Emmanuel Macron.';
      expect(findings({ people: [] }, body)).toEqual([
        {
          field: 'people',
          problem: 'the text names "Keir Starmer" and "Emmanuel Macron" but "people" does not list them',
          fix: 'add "keir-starmer" and "emmanuel-macron" to "people"',
        },
      ]);
    });

    it('does not count a country id listed under people', () => {
      expect(fields({ people: [ref('ua')], countries: [] }, 'Ukraine.')).toEqual(['countries']);
    });
  });

  it('reports an id in "unlinked" that names no person or country', () => {
    expect(findings({ unlinked: ['ua', 'emmanuel-macron', 'emanuel-macron'] })).toEqual([
      {
        field: 'unlinked[2]',
        problem: '"emanuel-macron" is not the id of a person, organisation or country',
        fix: 'fix the id, or remove it',
      },
    ]);
  });

  describe('placeholders', () => {
    const withTodo = {
      timeline: [event('talks', { date: '2025-08-18', title: 'TODO: the title' } as object)],
      gallery: [],
    };

    it('reports each field and body line still holding TODO, with the body line in the file', () => {
      expect(findings(withTodo, 'Volodymyr Zelensky met Emmanuel Macron.\n\nTODO: the rest.\n')).toEqual([
        {
          field: 'timeline[0].title',
          problem: 'still holds the "TODO" placeholder from "npm run new"',
          fix: 'write it, or keep "draft: true" until it is written',
        },
        expect.objectContaining({ field: 'body', line: 22 }),
      ]);
    });

    it('lists them in a draft as warnings, which do not stop a build', () => {
      const draft = findings({ ...withTodo, draft: true }, 'TODO: the rest.\n');
      expect(draft.length).toBeGreaterThan(0);
      expect(draft.every((finding) => finding.severity === 'warning')).toBe(true);
      expect(draft.at(-1)).toMatchObject({ field: 'body', fix: 'write it before removing "draft: true"' });
    });

    it('matches TODO as a word only', () => {
      expect(PLACEHOLDER.test('TODO: write')).toBe(true);
      expect(PLACEHOLDER.test('TODOS and todo')).toBe(false);
    });
  });
});

describe('timelineOrderFindings', () => {
  const published = '2025-09-04';

  it('reports a dated event listed below a later one', () => {
    const timeline = [
      event('a', { date: '2025-07' }),
      event('b', { date: '2025-08-20' }),
      event('c', { date: '2025-08-01' }),
    ];
    expect(timelineOrderFindings({ published, timeline })).toEqual([
      {
        field: 'timeline[2].date',
        problem: 'event "c" (2025-08-01) is listed below "b" (2025-08-20)',
        fix: 'keep the timeline oldest first: move it up',
      },
    ]);
  });

  it('accepts a coarse date next to the finer dates it covers', () => {
    const timeline = [
      event('a', { date: '2025-08-20' }),
      event('b', { date: '2025-08' }),
      event('c', { date: '2025-08-25' }),
    ];
    expect(timelineOrderFindings({ published, timeline })).toEqual([]);
  });

  it('reports an event listed below a later one with a coarse date in between', () => {
    const timeline = [
      event('b', { date: '2025-08-20' }),
      event('a', { date: '2025-08' }),
      event('c', { date: '2025-08-01' }),
    ];
    expect(timelineOrderFindings({ published, timeline }).map((finding) => finding.field)).toEqual([
      'timeline[2].date',
    ]);
  });

  it('reports an undated event listed above the event it follows', () => {
    const timeline = [
      event('a', { date: '2025-08-01' }),
      event('later', { after: 'b' }),
      event('b', { date: '2025-08-02' }),
    ];
    expect(timelineOrderFindings({ published, timeline })).toEqual([
      {
        field: 'timeline[1].after',
        problem: 'event "later" follows "b", which is listed below it',
        fix: 'move it below "b"',
      },
    ]);
  });

  it('reports a planned event dated before publication', () => {
    const timeline = [
      event('a', { date: '2025-09-01', planned: true }),
      event('b', { date: '2025-09-10', planned: true }),
    ];
    expect(timelineOrderFindings({ published, timeline }).map((finding) => finding.field)).toEqual([
      'timeline[0].planned',
    ]);
  });
});

describe('nearestId', () => {
  const people = ['paetongtarn-shinawatra', 'volodymyr-zelensky', 'emmanuel-macron'];

  it('names the known id a typo most likely meant', () => {
    expect(nearestId('paetongtarn-shinawtra', people)).toBe('paetongtarn-shinawatra');
    expect(nearestId('volodymyr-zelenksy', people)).toBe('volodymyr-zelensky');
  });

  it('names none when nothing is close', () => {
    expect(nearestId('donald-trump', people)).toBeUndefined();
    expect(nearestId('anyone', [])).toBeUndefined();
  });

  it('names no country for an unrelated two-letter code', () => {
    expect(nearestId('us', ['fr', 'gb'])).toBeUndefined();
  });
});

describe('bodyDepthFinding', () => {
  const deep = limits.depth + 1;

  it('accepts lists and quotes up to the limit', () => {
    const nested = Array.from({ length: limits.depth }, (_, level) => `${'  '.repeat(level)}- item`).join(
      '\n',
    );
    expect(bodyDepthFinding(nested, 1)).toBeUndefined();
    expect(bodyDepthFinding(`${'> '.repeat(limits.depth)}quote`, 1)).toBeUndefined();
  });

  it('counts tags still open in a paragraph, over its lines; void and self-closing tags open nothing', () => {
    const open = '<b>'.repeat(deep);
    expect(bodyDepthFinding(`Intro.\n\n${open}x`, 10)).toMatchObject({
      line: 12,
      problem: `nests tags about ${deep} levels deep; at most ${limits.depth} read well and build quickly`,
    });
    expect(bodyDepthFinding(`<i>\n${'<b>'.repeat(deep - 1)}x`, 1)).toMatchObject({ line: 2 });
    expect(bodyDepthFinding(`<i>\n\n${'<b>'.repeat(deep - 1)}x`, 1)).toBeUndefined();
    expect(
      bodyDepthFinding(`${'<b>x</b>'.repeat(50)} ${'<br>'.repeat(20)} ${'<Photo id="a" />'.repeat(20)}`, 1),
    ).toBeUndefined();
  });

  it('reports deep indentation at its file line', () => {
    const body = `Intro.\n\n${' '.repeat(4 * (deep - 1))}- too deep\n`;
    expect(bodyDepthFinding(body, 30)).toEqual({
      field: 'body',
      line: 32,
      problem: `nests lists or quotes about ${deep} levels deep; at most ${limits.depth} read well and build quickly`,
      fix: 'flatten the list, or break it into paragraphs',
    });
  });

  it('counts list markers on one line', () => {
    expect(bodyDepthFinding(`${'- '.repeat(deep)}item`, 5)).toMatchObject({
      line: 5,
      problem: expect.stringContaining(`about ${deep} levels`),
    });
    expect(bodyDepthFinding(`${'1. '.repeat(deep)}item`, 5)).toMatchObject({ line: 5 });
  });

  it('counts quote markers on one line', () => {
    expect(bodyDepthFinding(`Text.\n${'> '.repeat(deep)}quote`, 5)).toMatchObject({ line: 6 });
  });

  // when the body is turned into HTML (mdast-util-to-hast / hast-util-to-html).
  it('counts quote markers written without spaces', () => {
    expect(bodyDepthFinding(`${'>'.repeat(deep)} quote`, 5)).toMatchObject({ line: 5 });
  });

  it('does not count fenced code', () => {
    const code = `${' '.repeat(4 * deep)}deeply indented code`;
    expect(bodyDepthFinding(`\`\`\`\n${code}\n\`\`\`\n`, 1)).toBeUndefined();
    expect(bodyDepthFinding(`~~~~\n${'- '.repeat(deep)}\n~~~\n~~~~\n`, 1)).toBeUndefined();
    expect(bodyDepthFinding(`\`\`\`\ncode\n\`\`\`\n${code}\n`, 1)).toMatchObject({ line: 4 });
  });
});

describe('countryCodeFindings', () => {
  const country = (id: string, name: string, more: { aliases?: string[]; formerNames?: string[] } = {}) =>
    countryCodeFindings({
      id,
      name,
      aliases: more.aliases ?? [],
      formerNames: (more.formerNames ?? []).map((former) => ({ name: former, until: '2000-01-01' })),
    });

  it('accepts a code with one of its ISO names, however written', () => {
    expect(country('ua', 'Ukraine')).toEqual([]);
    expect(country('gb', 'United Kingdom', { aliases: ['U.K.'] })).toEqual([]);
    expect(country('us', 'United States')).toEqual([]);
    expect(country('nl', 'The Netherlands')).toEqual([]);
    expect(country('ci', 'Côte d’Ivoire')).toEqual([]);
    expect(country('ba', 'Bosnia & Herzegovina')).toEqual([]);
    expect(country('va', 'Vatican City State')).toEqual([]);
  });

  it('accepts the short names news uses where the ISO list has only the long form', () => {
    for (const [id, name] of [
      ['sy', 'Syria'],
      ['la', 'Laos'],
      ['va', 'Vatican City'],
      ['bn', 'Brunei'],
    ])
      expect(country(id!, name!), name).toEqual([]);
    expect(country('mm', 'Myanmar', { aliases: ['Burma'] })).toEqual([]);
    expect(country('my', 'Burma')[0]?.problem).toBe('"my" is Malaysia; Burma is "mm"');
  });

  it('accepts a longer form that holds the ISO name, unless it is exactly another country', () => {
    expect(country('nl', 'Kingdom of the Netherlands')).toEqual([]);
    expect(country('tt', 'Trinidad & "Tobago" <test>')).toEqual([]);
    expect(country('sd', 'South Sudan')).toEqual([
      {
        field: 'id',
        problem: '"sd" is Sudan; South Sudan is "ss"',
        fix: 'change the id to "ss", and "sd" to "ss" wherever people and articles name this country',
      },
    ]);
  });

  it('names the country a wrong code stands for, and the code of the one named', () => {
    expect(country('my', 'Myanmar')).toEqual([
      {
        field: 'id',
        problem: '"my" is Malaysia; Myanmar is "mm"',
        fix: 'change the id to "mm", and "my" to "mm" wherever people and articles name this country',
      },
    ]);
  });

  it('counts aliases and former names', () => {
    expect(country('mm', 'Burma', { aliases: ['Myanmar'] })).toEqual([]);
    expect(country('tr', 'Türkiye')).toEqual([]);
    expect(country('cz', 'Czechia', { formerNames: ['Czech Republic'] })).toEqual([]);
    expect(country('sz', 'Eswatini', { formerNames: ['Swaziland'] })).toEqual([]);
    expect(country('my', 'Burma', { formerNames: ['Myanmar'] })[0]?.problem).toBe(
      '"my" is Malaysia; Burma is "mm"',
    );
  });

  it('refuses a code ISO does not assign, naming the right one when the name is known', () => {
    expect(country('uk', 'United Kingdom')).toEqual([
      {
        field: 'id',
        problem: '"uk" is not an ISO 3166-1 alpha-2 country code; United Kingdom is "gb"',
        fix: 'change the id to "gb", and "uk" to "gb" wherever people and articles name this country',
      },
    ]);
    expect(country('zz', 'Atlantis')).toEqual([
      {
        field: 'id',
        problem: '"zz" is not an ISO 3166-1 alpha-2 country code',
        fix: "use the country's ISO 3166-1 alpha-2 code in lower case, e.g. 'ua' for Ukraine",
      },
    ]);
  });

  it('says what to do about a name ISO does not know for a code, and about an ambiguous name', () => {
    expect(country('nl', 'Holland')).toEqual([
      {
        field: 'id',
        problem: '"nl" is Netherlands, not "Holland"',
        fix: 'correct the id; if it is right, add the name ISO 3166 gives it ("Netherlands") to "aliases"',
      },
    ]);
    expect(country('us', 'Virgin Islands')[0]).toMatchObject({
      problem: '"us" is United States of America; Virgin Islands is "vg" or "vi"',
      fix: 'use the code of the one meant ("vg" or "vi"), wherever people and articles name this country too',
    });
  });
});

describe('unknown ids (schema issues)', () => {
  const known = {
    people: new Set(['volodymyr-zelensky', 'emmanuel-macron']),
    countries: new Set(['ua', 'fr']),
  };
  const base = { title: 'T', dek: 'D', dateline: 'P', byline: 'B', published: '2025-09-04' };
  const issues = (data: unknown) => {
    const result = articleSchema(known, () => undefined).safeParse(data);
    return result.success
      ? []
      : result.error.issues.map((issue) => ({ path: issue.path.join('.'), ...splitMessage(issue.message) }));
  };

  it('an unknown person, naming the nearest id or saying where to add it', () => {
    expect(issues({ ...base, people: ['volodymyr-zelenskyy', 'nobody'] })).toEqual([
      {
        path: 'people.0',
        problem: 'unknown person "volodymyr-zelenskyy"',
        fix: 'did you mean "volodymyr-zelensky"? If not, add it to content/people/<id>.yaml',
      },
      {
        path: 'people.1',
        problem: 'unknown person "nobody"',
        fix: 'add it to content/people/<id>.yaml, or fix the id',
      },
    ]);
  });

  it('does not take a country id for a person', () => {
    expect(issues({ ...base, people: ['ua'] }).map((issue) => issue.path)).toEqual(['people.0']);
  });

  it('unknown ids in events and photos, with their full path', () => {
    const timeline = [{ id: 'a', date: '2025-09-01', title: 'T', body: 'B', countries: ['fr', 'zz'] }];
    const gallery = [
      {
        id: 'p',
        src: 'https://x/a.jpg',
        alt: 'A',
        caption: 'C',
        credit: 'C',
        rights: 'R',
        placeholder: false,
        people: ['emmanuel-macron', 'anyone-else'],
      },
    ];
    expect(issues({ ...base, timeline, gallery }).map((issue) => issue.path)).toEqual([
      'timeline.0.countries.1',
      'gallery.0.src',
      'gallery.0.people.1',
    ]);
  });

  it('a person without roles, with an undated role, or with an honorific', () => {
    const person = (data: object) => personSchema(known).safeParse({ name: 'K', country: 'ua', ...data });
    expect(person({}).data?.roles).toEqual([]);
    expect(person({ roles: [] }).success).toBe(true);
    expect(person({ roles: [{ title: 'Prime Minister' }] }).data?.roles).toEqual([
      { title: 'Prime Minister' },
    ]);
    expect(person({ honorific: 'Pol. Gen.' }).data?.honorific).toBe('Pol. Gen.');
    expect(person({ honorific: ' ' }).error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'honorific',
    ]);
  });

  it('a person’s unknown country', () => {
    const result = personSchema(known).safeParse({
      name: 'K',
      roles: [role('PM', '2024-07-05')],
      country: 'gbr',
    });
    expect(
      result.error?.issues.map((issue) => [issue.path.join('.'), splitMessage(issue.message).problem]),
    ).toEqual([['country', 'unknown country "gbr"']]);
  });
});
