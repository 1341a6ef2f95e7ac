/**
 * Cross-entry rules that a schema cannot express: references point at existing entries,
 * timelines are consistent, updates follow publication. Each problem names file and field.
 */
import { isAfter } from './dates';
import type { Mentionable } from './mentions';
import { timelineProblems, type EventTiming } from './timeline';

interface Ref {
  id: string;
}

export interface ArticleFacts {
  /** Path of the source file, as shown to the editor. */
  file: string;
  published: string;
  updated?: string | undefined;
  people: readonly Ref[];
  countries: readonly Ref[];
  timeline: readonly (EventTiming & { people: readonly Ref[]; countries: readonly Ref[] })[];
  gallery: readonly { id: string; people: readonly Ref[] }[];
}

export interface Known {
  people: ReadonlySet<string>;
  countries: ReadonlySet<string>;
}

export interface ContentProblem {
  file: string;
  field: string;
  message: string;
}

export function articleProblems(article: ArticleFacts, known: Known): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const add = (field: string, message: string) => problems.push({ file: article.file, field, message });
  const checkRefs = (field: string, refs: readonly Ref[], kind: 'people' | 'countries') => {
    refs.forEach((ref, index) => {
      if (!known[kind].has(ref.id)) {
        const where = kind === 'people' ? 'content/people/<id>.yaml' : 'content/countries.yaml';
        add(
          `${field}[${index}]`,
          `unknown ${kind === 'people' ? 'person' : 'country'} "${ref.id}": add it to ${where} or fix the id`,
        );
      }
    });
  };
  checkRefs('people', article.people, 'people');
  checkRefs('countries', article.countries, 'countries');
  article.timeline.forEach((event, index) => {
    checkRefs(`timeline[${index}].people`, event.people, 'people');
    checkRefs(`timeline[${index}].countries`, event.countries, 'countries');
  });
  article.gallery.forEach((photo, index) => checkRefs(`gallery[${index}].people`, photo.people, 'people'));
  for (const problem of timelineProblems(article.timeline, article.published)) {
    add(`timeline[${problem.index}].${problem.field}`, problem.message);
  }
  const photoIds = new Set<string>();
  article.gallery.forEach((photo, index) => {
    if (photoIds.has(photo.id)) add(`gallery[${index}].id`, `duplicate photo id "${photo.id}"`);
    photoIds.add(photo.id);
  });
  if (article.updated !== undefined && isAfter(article.published, article.updated)) {
    add('updated', `"${article.updated}" is before "published" (${article.published})`);
  }
  return problems;
}

/**
 * People and countries the text names that the frontmatter does not list, so `people` and
 * `countries` cannot drift from the text.
 */
export function unlistedMentionProblems(
  file: string,
  mentioned: readonly Mentionable[],
  listed: { people: readonly Ref[]; countries: readonly Ref[] },
): ContentProblem[] {
  return mentioned
    .filter(
      (entity) =>
        !(entity.kind === 'person' ? listed.people : listed.countries).some((ref) => ref.id === entity.id),
    )
    .map((entity) => {
      const field = entity.kind === 'person' ? 'people' : 'countries';
      return {
        file,
        field,
        message: `the text names "${entity.names[0]}" but "${field}" does not list "${entity.id}": add it`,
      };
    });
}

export function personProblems(file: string, country: Ref, known: Known): ContentProblem[] {
  return known.countries.has(country.id)
    ? []
    : [
        {
          file,
          field: 'country',
          message: `unknown country "${country.id}": add it to content/countries.yaml or fix the id`,
        },
      ];
}

export function formatContentProblems(problems: readonly ContentProblem[]): string {
  return problems.map(({ file, field, message }) => `${file}  ${field}  ${message}`).join('\n');
}
