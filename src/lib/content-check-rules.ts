/**
 * Content rules beyond the schema and `src/lib/integrity.ts`, for `npm run check:content`:
 * what link previews show, a timeline an editor can read top to bottom, placeholders left in a
 * published article, roles on the article's date. Each works on raw frontmatter read leniently,
 * so one broken field does not hide the problems of the others.
 */
import { isAfter, isWhen, parseWhen } from './dates';
import { roleOn, type DatedRole } from './entities';
import type { ArticleFacts } from './integrity';

/** Longest title search results and link previews show in full. */
export const TITLE_MAX = 70;
/** Longest dek link previews show in full. */
export const DEK_MAX = 200;

/** A problem in one field; `line` is set when it points into the body instead. */
export interface RuleProblem {
  field: string;
  message: string;
  line?: number;
}

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
/**
 * A date as the editor meant it. An unquoted date is refused by the schema, but is still read here
 * (YAML made it UTC midnight, or an instant) so that the rules comparing dates report as well.
 */
const when = (value: unknown): string | undefined => {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  return typeof value === 'string' && isWhen(value) ? value : undefined;
};
const refs = (value: unknown) =>
  list(value)
    .filter((id): id is string => typeof id === 'string')
    .map((id) => ({ id }));
/** An entry too broken to have an id keeps its place (indexes name fields) under an id no slug can take. */
const stand = (index: number) => `#${index}`;

export interface LenientFacts extends ArticleFacts {
  updates: { time: string }[];
  /** False when `published` is not a valid date: then nothing is compared with it. */
  dated: boolean;
}

/** The article's frontmatter as `src/lib/integrity.ts` reads it, built from raw YAML without trusting it. */
export function lenientFacts(file: string, raw: Raw): LenientFacts {
  const published = when(raw['published']);
  const instant = (value: unknown) => {
    const time = when(value);
    return time && parseWhen(time).precision === 'instant' ? time : undefined;
  };
  return {
    file,
    dated: published !== undefined,
    // Without a valid publication date nothing can be compared with it: the schema reports the
    // date, and a far-future stand-in keeps every "after publication" rule quiet.
    published: published ?? '9999',
    updated: published ? when(raw['updated']) : undefined,
    updates: published
      ? list(raw['updates']).flatMap((entry) => {
          const time = isObject(entry) ? instant(entry['time']) : undefined;
          return time ? [{ time }] : [];
        })
      : [],
    people: refs(raw['people']),
    countries: refs(raw['countries']),
    timeline: list(raw['timeline']).map((entry, index) => {
      const event = isObject(entry) ? entry : {};
      return {
        id: text(event['id']) ?? stand(index),
        date: when(event['date']),
        after: text(event['after']),
        sameDay: event['sameDay'] === true,
        planned: event['planned'] === true,
        main: event['main'] === true,
        people: refs(event['people']),
        countries: refs(event['countries']),
      };
    }),
    gallery: list(raw['gallery']).map((entry, index) => {
      const photo = isObject(entry) ? entry : {};
      return { id: text(photo['id']) ?? stand(index), people: refs(photo['people']) };
    }),
  };
}

/** Titles and deks longer than search results and link previews show. */
export function lengthProblems(raw: Raw): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const title = text(raw['title'])?.trim();
  const dek = text(raw['dek'])?.trim();
  const length = (value: string) => [...value].length;
  if (title && length(title) > TITLE_MAX) {
    problems.push({
      field: 'title',
      message: `is ${length(title)} characters; search results and link previews show about ${TITLE_MAX}: shorten it to ${TITLE_MAX} or fewer`,
    });
  }
  if (dek && length(dek) > DEK_MAX) {
    problems.push({
      field: 'dek',
      message: `is ${length(dek)} characters; link previews show about ${DEK_MAX}: shorten it to ${DEK_MAX} or fewer`,
    });
  }
  return problems;
}

/**
 * A timeline that reads in order in the file: dated events listed oldest first, an undated event
 * below the one it follows, and nothing marked planned that the article reports as past.
 */
export function timelineOrderProblems(facts: ArticleFacts): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const events = facts.timeline;
  const position = new Map(events.map((event, index) => [event.id, index]));
  let previous: { id: string; date: string } | undefined;
  events.forEach((event, index) => {
    if (event.date !== undefined) {
      if (previous && isAfter(previous.date, event.date)) {
        problems.push({
          field: `timeline[${index}].date`,
          message: `event "${event.id}" (${event.date}) is listed below "${previous.id}" (${previous.date}): keep the timeline oldest first; move it up`,
        });
      }
      previous = { id: event.id, date: event.date };
    }
    const anchor = event.after === undefined ? undefined : position.get(event.after);
    if (anchor !== undefined && anchor > index) {
      problems.push({
        field: `timeline[${index}].after`,
        message: `event "${event.id}" follows "${event.after}", which is listed below it: move it below "${event.after}"`,
      });
    }
    if (event.planned && event.date !== undefined && isAfter(facts.published, event.date)) {
      problems.push({
        field: `timeline[${index}].planned`,
        message: `event "${event.id}" is "planned" but dated ${event.date}, before the article's publication (${facts.published}): remove "planned: true" if it happened, or correct the date`,
      });
    }
  });
  return problems;
}

/** The marker `npm run new` puts in every field an editor must write. */
export const PLACEHOLDER = /\bTODO\b/;

/** Placeholder text left in an article that is about to be published (not a draft). */
export function placeholderProblems(raw: Raw, body: string, bodyLine: number): RuleProblem[] {
  if (raw['draft'] === true) return [];
  const problems: RuleProblem[] = [];
  const visit = (value: unknown, field: string) => {
    if (typeof value === 'string' && PLACEHOLDER.test(value)) {
      problems.push({
        field,
        message: 'still holds the "TODO" placeholder from "npm run new": write it, or keep "draft: true"',
      });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${field}[${index}]`));
    } else if (isObject(value)) {
      for (const [key, item] of Object.entries(value)) visit(item, field ? `${field}.${key}` : key);
    }
  };
  visit(raw, '');
  body.split('\n').forEach((line, index) => {
    if (PLACEHOLDER.test(line)) {
      problems.push({
        field: 'body',
        line: bodyLine + index,
        message: 'still holds the "TODO" placeholder from "npm run new": write it, or keep "draft: true"',
      });
    }
  });
  return problems;
}

/** Ids in `unlinked` that name no person or country: a typo would leave the mention linked. */
export function unlinkedProblems(
  raw: Raw,
  known: { people: ReadonlySet<string>; countries: ReadonlySet<string> },
) {
  return list(raw['unlinked']).flatMap((id, index): RuleProblem[] =>
    typeof id === 'string' && !known.people.has(id) && !known.countries.has(id)
      ? [
          {
            field: `unlinked[${index}]`,
            message: `"${id}" is not the id of a person or country: fix the id, or remove it`,
          },
        ]
      : [],
  );
}

/**
 * Every person the article lists (itself, its events, its photos) must hold a role on the
 * article's date: pages show that role, and the build stops when there is none.
 */
export function roleProblems(
  facts: LenientFacts,
  people: ReadonlyMap<string, { file: string; roles: readonly DatedRole[] }>,
): RuleProblem[] {
  if (!facts.dated) return [];
  const fields: [string, string][] = [
    ...facts.people.map((ref, index): [string, string] => [ref.id, `people[${index}]`]),
    ...facts.timeline.flatMap((event, index) =>
      event.people.map((ref, at): [string, string] => [ref.id, `timeline[${index}].people[${at}]`]),
    ),
    ...facts.gallery.flatMap((photo, index) =>
      photo.people.map((ref, at): [string, string] => [ref.id, `gallery[${index}].people[${at}]`]),
    ),
  ];
  const seen = new Set<string>();
  const problems: RuleProblem[] = [];
  for (const [id, field] of fields) {
    const person = people.get(id);
    if (!person || seen.has(id)) continue;
    seen.add(id);
    try {
      roleOn(person.roles, facts.published, person.file);
    } catch (error) {
      problems.push({ field, message: (error as Error).message });
    }
  }
  return problems;
}
