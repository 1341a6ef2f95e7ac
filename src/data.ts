/**
 * The one place pages get content from. It wraps `getCollection` (whose order is not
 * guaranteed), runs the cross-entry checks once per build, and resolves references, so pages
 * never filter, sort or look up ids themselves.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { parseWhen } from './lib/dates';
import { countryNameOn, roleOn } from './lib/entities';
import { articleProblems, formatContentProblems, personProblems, type ContentProblem } from './lib/integrity';
import { orderEvents } from './lib/timeline';

export type Article = CollectionEntry<'articles'>;
export type Person = CollectionEntry<'people'>;
export type Country = CollectionEntry<'countries'>;

/** A person as of one article's date. */
export interface PersonOnDate {
  id: string;
  name: string;
  nativeName?: { text: string; lang: string } | undefined;
  role: string;
  country: { id: string; name: string };
}

/** A country as of one article's date. */
export interface CountryOnDate {
  id: string;
  name: string;
}

interface Content {
  articles: Article[];
  people: Map<string, Person>;
  countries: Map<string, Country>;
}

let loaded: Promise<Content> | undefined;

/** Loads and checks everything once; throws one error listing every problem found. */
function content(): Promise<Content> {
  loaded ??= (async () => {
    const [articles, people, countries] = await Promise.all([
      getCollection('articles'),
      getCollection('people'),
      getCollection('countries'),
    ]);
    const known = {
      people: new Set(people.map((entry) => entry.id)),
      countries: new Set(countries.map((entry) => entry.id)),
    };
    const problems: ContentProblem[] = [
      ...people.flatMap((entry) =>
        personProblems(entry.filePath ?? `content/people/${entry.id}.yaml`, entry.data.country, known),
      ),
      ...articles.flatMap((entry) => articleProblems({ file: fileOf(entry), ...entry.data }, known)),
    ];
    if (articles.length === 0) {
      problems.push({ file: 'content/articles/', field: '-', message: 'no articles were loaded' });
    }
    if (problems.length > 0) throw new Error(`Content problems:\n${formatContentProblems(problems)}`);
    articles.sort(
      (a, b) =>
        parseWhen(b.data.published).start.getTime() - parseWhen(a.data.published).start.getTime() ||
        a.id.localeCompare(b.id),
    );
    return {
      articles,
      people: new Map(people.map((entry) => [entry.id, entry])),
      countries: new Map(countries.map((entry) => [entry.id, entry])),
    };
  })();
  return loaded;
}

function fileOf(article: Article): string {
  return article.filePath ?? `content/articles/${article.id}/index.md`;
}

/** All published articles, newest first. */
export async function getArticles(): Promise<Article[]> {
  return (await content()).articles;
}

/** The people of an article (or of one of its events), with the role each held on its date. */
export async function peopleOn(ids: readonly { id: string }[], date: string): Promise<PersonOnDate[]> {
  const { people, countries } = await content();
  return ids.map(({ id }) => {
    const person = people.get(id)!;
    const country = countries.get(person.data.country.id)!;
    return {
      id,
      name: person.data.name,
      nativeName: person.data.nativeName,
      role: roleOn(person.data.roles, date, person.filePath ?? id),
      country: { id: country.id, name: countryNameOn(country.data, date) },
    };
  });
}

/** Countries by id, with the name each had on `date`. */
export async function countriesOn(ids: readonly { id: string }[], date: string): Promise<CountryOnDate[]> {
  const { countries } = await content();
  return ids.map(({ id }) => ({ id, name: countryNameOn(countries.get(id)!.data, date) }));
}

/** The article's timeline in time order. */
export function timelineOf(article: Article) {
  return orderEvents(article.data.timeline);
}
