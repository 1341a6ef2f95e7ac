/**
 * The content rules a schema cannot express, run on entries that passed their schema: a timeline
 * that is consistent and reads in order, updates after publication, people holding a role on the
 * article's date, the text and the frontmatter naming the same people and countries, no
 * placeholder left in a published article. Each rule writes its own fix.
 */
import { limits } from '../site';
import { isAfter } from './dates';
import { rolesHeldOn, type DatedRole } from './entities';
import { mentionedIn, type Mentionable } from './mentions';
import type { Finding } from './problem';
import { timelineProblems, type EventTiming } from './timeline';
import { updateProblems } from './updates';

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
  countries: readonly Ref[];
  timeline: readonly (EventTiming & { people: readonly Ref[]; countries: readonly Ref[] })[];
  gallery: readonly { id: string; people: readonly Ref[] }[];
  unlinked: readonly string[];
}

/** What the rules know of the rest of the content. */
export interface Registry {
  /** Every person id, valid or not. */
  people: ReadonlySet<string>;
  /** Roles by person id, for the people whose file is valid. */
  roles: ReadonlyMap<string, readonly DatedRole[]>;
  /** Country ids; undefined while countries.yaml cannot be read. */
  countries: ReadonlySet<string> | undefined;
  /** Names the text may use for each person and country. */
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

/** Ids in `unlinked` that name no person or country: a typo would leave the mention linked. */
function unlinkedFindings(article: Pick<CheckedArticle, 'unlinked'>, registry: Registry): Finding[] {
  return article.unlinked.flatMap((id, index): Finding[] =>
    registry.people.has(id) || !registry.countries || registry.countries.has(id)
      ? []
      : [
          {
            field: `unlinked[${index}]`,
            problem: `"${id}" is not the id of a person or country`,
            fix: 'fix the id, or remove it',
          },
        ],
  );
}

/**
 * Every person the article lists (itself, its events, its photos) must hold a role on the
 * article's date: pages show that role. Reported once per person, at the first place it is listed.
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
    if (!roles || seen.has(id)) continue;
    seen.add(id);
    if (rolesHeldOn(roles, article.published).length === 0) {
      findings.push({
        field,
        problem: `${id} holds no role on the article's date (${article.published})`,
        fix: `add the role held then to "roles" in content/people/${id}.yaml, with its "from" date`,
      });
    }
  }
  return findings;
}

/**
 * People and countries the text names that the frontmatter does not list, so the two cannot
 * drift: one finding per list, naming every one missing.
 */
function unlistedMentionFindings(article: CheckedArticle, body: string, registry: Registry): Finding[] {
  const mentioned = mentionedIn(body, registry.mentionables);
  return (['people', 'countries'] as const).flatMap((field): Finding[] => {
    const missing = mentioned.filter(
      (entity) =>
        (entity.kind === 'person') === (field === 'people') &&
        !article[field].some((ref) => ref.id === entity.id),
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

/** The marker `npm run new` puts in every field an editor must write. */
export const PLACEHOLDER = /\bTODO\b/;

const PLACEHOLDER_FIX = 'write it, or keep "draft: true" until it is written';

/** Placeholder text left in an article about to be published (not a draft). */
function placeholderFindings(article: CheckedArticle, body: string, bodyLine: number): Finding[] {
  if (article.draft) return [];
  const findings: Finding[] = [];
  const visit = (value: unknown, field: string) => {
    if (typeof value === 'string' && PLACEHOLDER.test(value)) {
      findings.push({
        field,
        problem: 'still holds the "TODO" placeholder from "npm run new"',
        fix: PLACEHOLDER_FIX,
      });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${field}[${index}]`));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) visit(item, field ? `${field}.${key}` : key);
    }
  };
  visit(article, '');
  body.split('\n').forEach((text, index) => {
    if (PLACEHOLDER.test(text)) {
      findings.push({
        field: 'body',
        line: bodyLine + index,
        problem: 'still holds the "TODO" placeholder from "npm run new"',
        fix: PLACEHOLDER_FIX,
      });
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
