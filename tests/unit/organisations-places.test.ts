/**
 * Organisations and places in the content rules (`checkContent`, src/schema/content-check.ts) on
 * in-memory copies of the minimal fixture, plus the role-title helpers (src/lib/organisations.ts)
 * and the mention matcher's organisation names. Each rule test expects the exact problem line.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, type ContentSource } from '../../src/schema/content-check.ts';
import { mentionedIn, namesOf } from '../../src/lib/mentions.ts';
import { roleTitle, roleTitleParts } from '../../src/lib/organisations.ts';
import { formatProblem } from '../../src/lib/problem.ts';
import { projectRoot } from '../helpers/astro.ts';

const MINIMAL = join(projectRoot, 'tests/fixtures/minimal');
const ARTICLE = 'articles/sample-story/index.md';
const FILE = `content/${ARTICLE}`;

/** The minimal fixture as files in memory, to change and check. */
function tree(): Map<string, string | Uint8Array> {
  const files = new Map<string, string | Uint8Array>();
  for (const path of readdirSync(MINIMAL, { recursive: true, encoding: 'utf8' })) {
    if (statSync(join(MINIMAL, path)).isFile())
      files.set(path.split('\\').join('/'), readFileSync(join(MINIMAL, path)));
  }
  return files;
}

function replace(files: Map<string, string | Uint8Array>, path: string, search: string, by: string) {
  const value = files.get(path)!;
  const text = typeof value === 'string' ? value : new TextDecoder().decode(value);
  expect(text.split(search), `"${search}" once in ${path}`).toHaveLength(2);
  files.set(
    path,
    text.replace(search, () => by),
  );
}

function source(files: Map<string, string | Uint8Array>): ContentSource {
  return {
    label: 'content',
    files: [...files.keys()].sort(),
    read: (path) => {
      const value = files.get(path)!;
      return typeof value === 'string' ? new TextEncoder().encode(value) : value;
    },
    imageFile: (dir, src) =>
      files.has(posix.join(dir, src))
        ? undefined
        : { problem: `image "${src}" not found`, fix: 'put it there' },
  };
}

async function lines(files: Map<string, string | Uint8Array>): Promise<string[]> {
  return (await checkContent(source(files))).problems.map(formatProblem);
}

/** The minimal fixture with NATO, the Elysee Palace and two places registered. */
function withRegistry() {
  const files = tree();
  files.set(
    'organisations/nato.yaml',
    'name: North Atlantic Treaty Organization\nshortName: NATO\nkind: intergovernmental\n',
  );
  files.set('organisations/elysee-palace.yaml', 'name: Elysee Palace\nkind: government\ncountry: fr\n');
  files.set(
    'places/paris.yaml',
    'name: Paris\nkind: city\ncountry: fr\nlat: 48.8566\nlon: 2.3522\ntimeZone: Europe/Paris\n',
  );
  files.set('places/elysee.yaml', 'name: Elysee Palace\nkind: building\ncountry: fr\n');
  return files;
}

describe('organisations and places are optional', () => {
  it('content without the folders checks as before, and counts none', async () => {
    const report = await checkContent(source(tree()));
    expect(report.problems).toEqual([]);
    expect(report.checked).toMatchObject({ organisations: 0, places: 0 });
  });

  it('registered ones are counted, and an article may list them, its events and dateline too', async () => {
    const files = withRegistry();
    replace(
      files,
      ARTICLE,
      'dateline: Paris\n',
      'dateline: Paris\ndatelineId: paris\norganisations: [nato]\n',
    );
    replace(
      files,
      ARTICLE,
      '    place: Paris\n',
      '    place: Paris\n    placeId: paris\n    organisations: [elysee-palace]\n',
    );
    const report = await checkContent(source(files));
    expect(report.problems.map(formatProblem)).toEqual([]);
    expect(report.checked).toMatchObject({ organisations: 2, places: 2 });
  });

  it('an event may give a registered place without the text', async () => {
    const files = withRegistry();
    replace(files, ARTICLE, '    place: Paris\n', '    placeId: elysee\n');
    expect(await lines(files)).toEqual([]);
  });
});

describe('references to organisations and places', () => {
  it('a mistyped event place id fails with the nearest id, never becoming text', async () => {
    const files = withRegistry();
    replace(files, ARTICLE, '    place: Paris\n', '    place: Paris\n    placeId: pariss\n');
    expect(await lines(files)).toEqual([
      `${FILE}:15  timeline[0].placeId  unknown place "pariss": did you mean "paris"? If not, add it to content/places/<id>.yaml`,
    ]);
  });

  it('a dateline place must be registered', async () => {
    const files = tree();
    replace(files, ARTICLE, 'dateline: Paris\n', 'dateline: Paris\ndatelineId: paris\n');
    expect(await lines(files)).toEqual([
      `${FILE}:5  datelineId  unknown place "paris": add it to content/places/<id>.yaml, or fix the id`,
    ]);
  });

  it('an unknown organisation in an article, an event or a role fails', async () => {
    const files = withRegistry();
    replace(files, ARTICLE, 'countries: [fr, gb]\n', 'organisations: [natoo]\ncountries: [fr, gb]\n');
    replace(
      files,
      ARTICLE,
      '    countries: [gb]\n',
      '    countries: [gb]\n    organisations: [elysee-palce]\n',
    );
    replace(
      files,
      'people/ada-example.yaml',
      "    from: '2024-01-01'\n",
      "    from: '2024-01-01'\n    organisation: quai-dorsay\n",
    );
    expect(await lines(files)).toEqual([
      `${FILE}:8  organisations[0]  unknown organisation "natoo": did you mean "nato"? If not, add it to content/organisations/<id>.yaml`,
      `${FILE}:23  timeline[1].organisations[0]  unknown organisation "elysee-palce": did you mean "elysee-palace"? If not, add it to content/organisations/<id>.yaml`,
      'content/people/ada-example.yaml:5  roles[0].organisation  unknown organisation "quai-dorsay": add it to content/organisations/<id>.yaml, or fix the id',
    ]);
  });

  it("a place's country must be registered, and an organisation's when given", async () => {
    const files = withRegistry();
    files.set('places/kyiv.yaml', 'name: Kyiv\nkind: city\ncountry: ua\n');
    files.set('organisations/kremlin.yaml', 'name: Kremlin\nkind: government\ncountry: ru\n');
    expect(await lines(files)).toEqual([
      'content/organisations/kremlin.yaml:3  country  unknown country "ru": add it to content/countries.yaml, or fix the id',
      'content/places/kyiv.yaml:3  country  unknown country "ua": add it to content/countries.yaml, or fix the id',
    ]);
  });
});

describe('organisation and place files', () => {
  it('checks kind, required country, coordinates in pairs and in range, and the time zone', async () => {
    const files = tree();
    files.set('organisations/club.yaml', 'name: Club\nkind: club\n');
    files.set('places/nowhere.yaml', 'name: Nowhere\nkind: city\nlat: 95\n');
    files.set(
      'places/somewhere.yaml',
      'name: Somewhere\nkind: town\ncountry: fr\nlon: 2\ntimeZone: Europe/Pariss\n',
    );
    expect(await lines(files)).toEqual([
      'content/organisations/club.yaml:2  kind  "club" is not a kind of organisation: use one of "government", "ministry", "agency", "intergovernmental", "company", "party", "military", "media", "ngo", "other"',
      'content/places/nowhere.yaml:1  country  missing: add "country" (text); see "Adding an article" in docs/editors-guide.md',
      'content/places/nowhere.yaml:3  lat  is above 90: write the latitude in degrees, -90 to 90',
      'content/places/somewhere.yaml:2  kind  "town" is not a kind of place: use one of "city", "district", "building", "site", "region", "other"',
      'content/places/somewhere.yaml:4  lon  "lat" and "lon" go together: add the missing one, or remove both',
      'content/places/somewhere.yaml:5  timeZone  unknown time zone "Europe/Pariss": use an IANA name such as "Asia/Bangkok"',
    ]);
  });

  it('refuses a file the loaders would not read', async () => {
    const files = tree();
    files.set('organisations/NATO.yml', 'name: NATO\nkind: intergovernmental\n');
    expect(await lines(files)).toEqual([
      'content/organisations/NATO.yml  -  is not loaded: each entry is one <id>.yaml file, id in lower-case letters, digits and hyphens',
    ]);
  });
});

describe('the text and the frontmatter name the same organisations', () => {
  it('an organisation the text names by its short name must be listed', async () => {
    const files = withRegistry();
    replace(
      files,
      ARTICLE,
      'Ministers met in Paris on Sept. 4.',
      'Ministers met in Paris on Sept. 4, NATO said.',
    );
    expect(await lines(files)).toEqual([
      `${FILE}:2  organisations  the text names "North Atlantic Treaty Organization" but "organisations" does not list "nato": add "nato" to "organisations"`,
    ]);
    replace(files, ARTICLE, 'countries: [fr, gb]\n', 'organisations: [nato]\ncountries: [fr, gb]\n');
    expect(await lines(files)).toEqual([]);
  });

  it('place names in the text are not mentions: "Paris" needs no list', async () => {
    const files = withRegistry();
    replace(
      files,
      ARTICLE,
      'Ministers met in Paris on Sept. 4.',
      'Ministers met in Paris, at the Elysee Palace.',
    );
    // The Elysee Palace is an organisation too: that one must be listed.
    expect(await lines(files)).toEqual([
      `${FILE}:2  organisations  the text names "Elysee Palace" but "organisations" does not list "elysee-palace": add "elysee-palace" to "organisations"`,
    ]);
  });

  it('"unlinked" accepts an organisation id', async () => {
    const files = withRegistry();
    replace(files, ARTICLE, 'countries: [fr, gb]\n', 'countries: [fr, gb]\nunlinked: [nato]\n');
    expect(await lines(files)).toEqual([]);
  });
});

describe('role titles with their organisation', () => {
  const nato = { name: 'North Atlantic Treaty Organization', shortName: 'NATO' };

  it('keeps a title that names the organisation, and adds the name to one that does not', () => {
    expect(roleTitle('Secretary General of NATO', nato)).toBe('Secretary General of NATO');
    expect(roleTitle('Secretary General', nato)).toBe('Secretary General, NATO');
    expect(roleTitle('Auditor General', { name: 'State Audit Office' })).toBe(
      'Auditor General, State Audit Office',
    );
    expect(roleTitle('President')).toBe('President');
    // Only whole words: "NATOs" is not "NATO".
    expect(roleTitle('Head of NATOs', nato)).toBe('Head of NATOs, NATO');
  });

  it('splits the title around the name to link', () => {
    expect(roleTitleParts('Secretary General of NATO', nato)).toEqual({
      before: 'Secretary General of ',
      name: 'NATO',
      after: '',
    });
    expect(roleTitleParts('Spokesperson', { name: 'Kremlin' })).toEqual({
      before: 'Spokesperson, ',
      name: 'Kremlin',
      after: '',
    });
  });

  it('matches an organisation in text by name, short name and aliases', () => {
    const entry = { name: 'Kremlin', aliases: ['Russian presidency'], kind: 'government' };
    const org = { kind: 'organisation' as const, id: 'kremlin', names: namesOf(entry) };
    expect(namesOf({ name: 'North Atlantic Treaty Organization', shortName: 'NATO' })).toEqual([
      'North Atlantic Treaty Organization',
      'NATO',
    ]);
    expect(mentionedIn('The Russian presidency denied it.', [org])).toEqual([org]);
  });
});

describe('a place given as text and as an id', () => {
  it('the text must name the registered place, in any case and with more words', async () => {
    const files = withRegistry();
    replace(files, ARTICLE, 'dateline: Paris\n', "dateline: 'PARIS, France'\ndatelineId: paris\n");
    replace(files, ARTICLE, '    place: Paris\n', '    place: Paris\n    placeId: elysee\n');
    expect(await lines(files)).toEqual([
      `${FILE}:15  timeline[0].place  "Paris" does not name "elysee" (Elysee Palace), the place "placeId" gives: fix "placeId", or add "Paris" to "aliases" in content/places/elysee.yaml`,
    ]);
  });
});
