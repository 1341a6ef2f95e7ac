/**
 * The content rules a schema cannot express, run on entries that passed their schema: a timeline
 * that is consistent and reads in order, updates after publication, people with roles holding one
 * on the article's date, the text and the frontmatter naming the same people and countries, no
 * placeholder left in a published article (in a draft, a warning), country ids that are the ISO
 * code of the country named. Each rule writes its own fix.
 */
import { limits } from '../site.ts';
import { plainWords } from '../lib/clean-text.ts';
import { isAfter } from '../lib/dates.ts';
import { rolesHeldOn, type DatedRole } from '../lib/entities.ts';
import { isoCodeNamed, isoCodesNamed, isoCountryNames, isoNameWithin } from '../lib/iso-countries.ts';
import { mentionedIn, type Mentionable } from '../lib/mentions.ts';
import type { Finding } from '../lib/problem.ts';
import { timelineProblems, type EventTiming } from '../lib/timeline.ts';
import { updateProblems } from '../lib/updates.ts';

interface Ref {
  id: string;
}

/** The parts of a parsed article (schema output) the rules read. */
export interface CheckedArticle {
  published: string;
  updated?: string | undefined;
  draft: boolean;
  updates: readonly { time: string }[];
  people: readonly Ref[];
  /** Absent from articles parsed before organisations were registered (tests' stand-ins). */
  organisations?: readonly Ref[] | undefined;
  countries: readonly Ref[];
  timeline: readonly (EventTiming & {
    people: readonly Ref[];
    countries: readonly Ref[];
    place?: string | undefined;
    placeId?: Ref | undefined;
  })[];
  dateline?: string | undefined;
  datelineId?: Ref | undefined;
  gallery: readonly { id: string; people: readonly Ref[] }[];
  unlinked: readonly string[];
}

/** What the rules know of the rest of the content. */
export interface Registry {
  /** Every person id, valid or not. */
  people: ReadonlySet<string>;
  /** Every organisation id, valid or not (none when content/organisations/ is absent). */
  organisations?: ReadonlySet<string> | undefined;
  /** Roles by person id, for the people whose file is valid. */
  roles: ReadonlyMap<string, readonly DatedRole[]>;
  /** Country ids; undefined while countries.yaml cannot be read. */
  countries: ReadonlySet<string> | undefined;
  /** Each place's name and aliases, by id (none when content/places/ is absent). */
  placeNames?: ReadonlyMap<string, readonly string[]> | undefined;
  /** Names the text may use for each person, organisation and country. */
  mentionables: readonly Mentionable[];
}

/** Every rule for one article; `body` is its Markdown, `bodyLine` the file line it starts on. */
export function articleFindings(
  article: CheckedArticle,
  body: string,
  bodyLine: number,
  registry: Registry,
): Finding[] {
  return [
    ...timelineProblems(article.timeline, article.published).map(({ index, field, problem, fix }) => ({
      field: `timeline[${index}].${field}`,
      problem,
      fix,
    })),
    ...timelineOrderFindings(article),
    ...duplicatePhotoFindings(article),
    ...(article.updated !== undefined && isAfter(article.published, article.updated)
      ? [
          {
            field: 'updated',
            problem: `"${article.updated}" is before "published" (${article.published})`,
            fix: 'correct the date, or remove "updated"',
          },
        ]
      : []),
    ...updateProblems(article),
    ...unlinkedFindings(article, registry),
    ...roleFindings(article, registry),
    ...unlistedMentionFindings(article, body, registry),
    ...placeTextFindings(article, registry),
    ...placeholderFindings(article, body, bodyLine),
  ];
}

/**
 * A timeline that reads in order in the file: dated events listed oldest first, an undated event
 * below the one it follows, and nothing marked planned that the article reports as past.
 */
export function timelineOrderFindings(article: Pick<CheckedArticle, 'timeline' | 'published'>): Finding[] {
  const findings: Finding[] = [];
  const events = article.timeline;
  const position = new Map(events.map((event, index) => [event.id, index]));
  const dated: { id: string; date: string }[] = [];
  events.forEach((event, index) => {
    if (event.date !== undefined) {
      // Against every event above, not only the nearest: a vaguer date between two can hide a swap.
      const later = dated.find((above) => isAfter(above.date, event.date!));
      if (later) {
        findings.push({
          field: `timeline[${index}].date`,
          problem: `event "${event.id}" (${event.date}) is listed below "${later.id}" (${later.date})`,
          fix: 'keep the timeline oldest first: move it up',
        });
      }
      dated.push({ id: event.id, date: event.date });
    }
    const anchor = event.after === undefined ? undefined : position.get(event.after);
    if (anchor !== undefined && anchor > index) {
      findings.push({
        field: `timeline[${index}].after`,
        problem: `event "${event.id}" follows "${event.after}", which is listed below it`,
        fix: `move it below "${event.after}"`,
      });
    }
    if (event.planned && event.date !== undefined && isAfter(article.published, event.date)) {
      findings.push({
        field: `timeline[${index}].planned`,
        problem: `event "${event.id}" is "planned" but dated ${event.date}, before the article's publication (${article.published})`,
        fix: 'remove "planned: true" if it happened, or correct the date',
      });
    }
  });
  return findings;
}

function duplicatePhotoFindings(article: Pick<CheckedArticle, 'gallery'>): Finding[] {
  const seen = new Map<string, number>();
  return article.gallery.flatMap((photo, index): Finding[] => {
    const first = seen.get(photo.id);
    if (first === undefined) seen.set(photo.id, index);
    return first === undefined
      ? []
      : [
          {
            field: `gallery[${index}].id`,
            problem: `duplicate photo id "${photo.id}" (also gallery[${first}])`,
            fix: 'give each photo its own id',
          },
        ];
  });
}

/** Ids in `unlinked` that name no person, organisation or country: a typo would leave the mention linked. */
function unlinkedFindings(article: Pick<CheckedArticle, 'unlinked'>, registry: Registry): Finding[] {
  return article.unlinked.flatMap((id, index): Finding[] =>
    registry.people.has(id) ||
    registry.organisations?.has(id) ||
    !registry.countries ||
    registry.countries.has(id)
      ? []
      : [
          {
            field: `unlinked[${index}]`,
            problem: `"${id}" is not the id of a person, organisation or country`,
            fix: 'fix the id, or remove it',
          },
        ],
  );
}

/**
 * Every person the article lists (itself, its events, its photos) who has roles must hold one on
 * the article's date: pages show the roles held then, and a person whose file lists roles but none
 * then is most likely missing the one the report gives (a role needs no "from" date, so adding it
 * never asks for a date the report does not give). A person registered without roles is named
 * alone. Reported once per person, at the first place it is listed.
 */
function roleFindings(article: CheckedArticle, registry: Registry): Finding[] {
  const places: [string, string][] = [
    ...article.people.map((ref, index): [string, string] => [ref.id, `people[${index}]`]),
    ...article.timeline.flatMap((event, index) =>
      event.people.map((ref, at): [string, string] => [ref.id, `timeline[${index}].people[${at}]`]),
    ),
    ...article.gallery.flatMap((photo, index) =>
      photo.people.map((ref, at): [string, string] => [ref.id, `gallery[${index}].people[${at}]`]),
    ),
  ];
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const [id, field] of places) {
    const roles = registry.roles.get(id);
    if (!roles || roles.length === 0 || seen.has(id)) continue;
    seen.add(id);
    if (rolesHeldOn(roles, article.published).length === 0) {
      findings.push({
        field,
        problem: `${id} holds no role on the article's date (${article.published})`,
        fix: `add the role held then to "roles" in content/people/${id}.yaml (leave out "from" when the report does not say when it began)`,
      });
    }
  }
  return findings;
}

/**
 * People, organisations and countries the text names that the frontmatter does not list, so the
 * two cannot drift: one finding per list, naming every one missing.
 */
function unlistedMentionFindings(article: CheckedArticle, body: string, registry: Registry): Finding[] {
  const mentioned = mentionedIn(body, registry.mentionables);
  const kinds = { people: 'person', organisations: 'organisation', countries: 'country' } as const;
  return (['people', 'organisations', 'countries'] as const).flatMap((field): Finding[] => {
    const missing = mentioned.filter(
      (entity) => entity.kind === kinds[field] && !(article[field] ?? []).some((ref) => ref.id === entity.id),
    );
    if (missing.length === 0) return [];
    const list = new Intl.ListFormat('en', { type: 'conjunction' });
    const names = list.format(missing.map((entity) => `"${entity.names[0]}"`));
    const ids = list.format(missing.map((entity) => `"${entity.id}"`));
    return [
      {
        field,
        problem: `the text names ${names} but "${field}" does not list ${missing.length === 1 ? ids : 'them'}`,
        fix: `add ${ids} to "${field}"`,
      },
    ];
  });
}

/** Lower-case letters and digits, one space between words. */
/**
 * A place given both as text and as a registered id must be the same place: the text (`dateline`,
 * an event's `place`) names it by its name or an alias, as whole words in any case ("PARIS",
 * "Paris, France"), so a wrong id cannot link the text to another place's page.
 */
function placeTextFindings(article: CheckedArticle, registry: Registry): Finding[] {
  const pairs: [string, string | undefined, Ref | undefined][] = [
    ['dateline', article.dateline, article.datelineId],
    ...article.timeline.map((event, index): [string, string | undefined, Ref | undefined] => [
      `timeline[${index}].place`,
      event.place,
      event.placeId,
    ]),
  ];
  return pairs.flatMap(([field, text, ref]): Finding[] => {
    const names = ref && registry.placeNames?.get(ref.id);
    if (text === undefined || !names || names.length === 0) return [];
    const words = (value: string) => ` ${plainWords(value)} `;
    if (names.some((name) => words(text).includes(words(name)))) return [];
    const key = field === 'dateline' ? 'datelineId' : 'placeId';
    return [
      {
        field,
        problem: `"${text}" does not name "${ref!.id}" (${names[0]}), the place "${key}" gives`,
        fix: `fix "${key}", or add "${text}" to "aliases" in content/places/${ref!.id}.yaml`,
      },
    ];
  });
}

/** The parts of a country entry (schema output) the code rule reads. */
export interface CheckedCountry {
  id: string;
  name: string;
  aliases: readonly string[];
  formerNames: readonly { name: string }[];
}

/**
 * A country's id must be the ISO 3166-1 alpha-2 code of the country it names: one of its names
 * (`name`, `aliases`, `formerNames`) must be one of the names that code has
 * (src/lib/iso-countries.ts), or hold one as whole words when none is exactly another country's
 * name. Otherwise the message names the country the code stands for and,
 * when one of the names is another country's, that country's code: "my" is Malaysia; Myanmar is "mm".
 */
export function countryCodeFindings(country: CheckedCountry): Finding[] {
  const names = [country.name, ...country.aliases, ...country.formerNames.map((former) => former.name)];
  const isoNames = isoCountryNames(country.id);
  if (isoNames && names.some((name) => isoCodeNamed(country.id, name))) return [];
  const named = names
    .map((name) => ({ name, codes: isoCodesNamed(name) }))
    .find(({ codes }) => codes.length > 0);
  // A longer form ("Kingdom of the Netherlands") passes, unless a name is exactly another country's.
  if (isoNames && !named && names.some((name) => isoNameWithin(country.id, name))) return [];
  const codes =
    named &&
    new Intl.ListFormat('en', { type: 'disjunction' }).format(named.codes.map((code) => `"${code}"`));
  const elsewhere = named && `${named.name} is ${codes}`;
  const change = named && {
    fix:
      named.codes.length === 1
        ? `change the id to "${named.codes[0]}", and "${country.id}" to "${named.codes[0]}" wherever people and articles name this country`
        : `use the code of the one meant (${codes}), wherever people and articles name this country too`,
  };
  if (!isoNames) {
    return [
      {
        field: 'id',
        problem: `"${country.id}" is not an ISO 3166-1 alpha-2 country code${elsewhere ? `; ${elsewhere}` : ''}`,
        fix: change?.fix ?? "use the country's ISO 3166-1 alpha-2 code in lower case, e.g. 'ua' for Ukraine",
      },
    ];
  }
  return [
    {
      field: 'id',
      problem: `"${country.id}" is ${isoNames[0]}${elsewhere ? `; ${elsewhere}` : `, not "${country.name}"`}`,
      fix:
        change?.fix ??
        `correct the id; if it is right, add the name ISO 3166 gives it ("${isoNames[0]}") to "aliases"`,
    },
  ];
}

/** The marker `npm run new` puts in every field an editor must write. */
export const PLACEHOLDER = /\bTODO\b/;

/**
 * Placeholder text left in an article: an error once it is to be published, a warning while it is
 * a draft, so `check:content` lists what is left to write from the start.
 */
function placeholderFindings(article: CheckedArticle, body: string, bodyLine: number): Finding[] {
  const problem = 'still holds the "TODO" placeholder from "npm run new"';
  const left = article.draft
    ? { problem, fix: 'write it before removing "draft: true"', severity: 'warning' as const }
    : { problem, fix: 'write it, or keep "draft: true" until it is written' };
  const findings: Finding[] = [];
  const visit = (value: unknown, field: string) => {
    if (typeof value === 'string' && PLACEHOLDER.test(value)) {
      findings.push({ field, ...left });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${field}[${index}]`));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) visit(item, field ? `${field}.${key}` : key);
    }
  };
  visit(article, '');
  body.split('\n').forEach((text, index) => {
    if (PLACEHOLDER.test(text)) {
      findings.push({ field: 'body', line: bodyLine + index, ...left });
    }
  });
  return findings;
}

/** The known id closest to a mistyped one, when one is close enough to be the likely intent. */
export function nearestId(id: string, known: Iterable<string>): string | undefined {
  // Short ids (country codes) are all within a letter or two of each other: no guess for them.
  if (id.length < 5) return undefined;
  let best: { id: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(id, candidate);
    if (!best || distance < best.distance) best = { id: candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(id.length / 4)) ? best.id : undefined;
}

/** Levenshtein distance with adjacent transpositions (a swapped pair of letters counts once). */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = value;
    }
  }
  return rows[a.length]![b.length]!;
}

/** Elements that never hold others, so they open no level. */
const VOID_TAGS = /^(?:area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)$/i;

/**
 * Lists, quotes, blocks and tags nested deeper than `limits.depth`, judged on the text as
 * written: Markdown parsers slow down sharply with depth (400 nested list levels took 2.5 s to
 * parse, and the time grows with the cube) and the HTML and MDX ones recurse until the stack runs
 * out (3,000 nested <b>), so this runs before any parser. A line's depth is the count of quote and
 * list markers that open it, plus its indentation in steps of four columns, plus the tags (HTML
 * or MDX) still open from earlier in its paragraph; fenced code is skipped.
 */
export function bodyDepthFinding(body: string, bodyLine: number): Finding | undefined {
  let fence: string | undefined;
  let openTags = 0;
  const lines = body.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index]!;
    const fenceMark = /^\s*(`{3,}|~{3,})/.exec(text)?.[1];
    if (fence !== undefined) {
      if (fenceMark?.startsWith(fence)) fence = undefined;
      continue;
    }
    if (fenceMark) {
      fence = fenceMark;
      continue;
    }
    if (text.trim() === '') openTags = 0;
    let deepestTags = openTags;
    for (const tag of text.matchAll(/<(\/?)([A-Za-z][\w.:-]*)(?:\s[^<>]*?)?(\/?)>/g)) {
      if (tag[3] || VOID_TAGS.test(tag[2]!)) continue;
      openTags = Math.max(0, openTags + (tag[1] ? -1 : 1));
      deepestTags = Math.max(deepestTags, openTags);
    }
    if (deepestTags > limits.depth) {
      return {
        field: 'body',
        line: bodyLine + index,
        problem: `nests tags about ${deepestTags} levels deep; at most ${limits.depth} read well and build quickly`,
        fix: 'close each tag before the next one opens',
      };
    }
    // A thematic break ('- - -', '* * *') is a line of markers that opens no list.
    if (/^\s*([-*_])(?:\s*\1){2,}\s*$/.test(text)) continue;
    const indent = /^[ \t]*/.exec(text)![0].replace(/\t/g, '    ').length;
    // A quote marker needs no space after it; a list marker does.
    const markers = /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)))*/
      .exec(text)![0]
      .match(/>|[-*+]|\d{1,9}[.)]/g);
    const depth = Math.floor(indent / 4) + (markers?.length ?? 0);
    if (depth > limits.depth) {
      return {
        field: 'body',
        line: bodyLine + index,
        problem: `nests lists or quotes about ${depth} levels deep; at most ${limits.depth} read well and build quickly`,
        fix: 'flatten the list, or break it into paragraphs',
      };
    }
  }
  return undefined;
}
