/**
 * The collections. The schemas themselves, documented field by field, are in `src/schema/schemas.ts`
 * (importable from plain Node, for `npm run check:content`); this file binds them to Astro's
 * `reference()` and, for photos, `image()` (astro:assets), and re-exports them under their names,
 * so types still come from the schema (`z.infer`, `CollectionEntry`).
 * The loaders run every content rule (src/schema/content-check.ts) before Astro reads an entry.
 */
import { defineCollection, reference, type SchemaContext } from 'astro:content';
import {
  articleLoader,
  countryLoader,
  organisationLoader,
  personLoader,
  placeLoader,
  storyLoader,
} from './schema/loaders.ts';
import * as schemas from './schema/schemas.ts';

export {
  articleUpdate,
  calendarDate,
  citedSource,
  claimSource,
  country,
  dateOrInstant,
  instant,
  role,
  slugId,
} from './schema/schemas.ts';

/** One event of an article's timeline (see `src/schema/schemas.ts`). */
export const timelineEvent = schemas.timelineEvent({ reference });

/** One photo of an article's gallery; the first is the lead image. */
export const photo = ({ image }: SchemaContext) => schemas.photo({ reference, image });

/** An article: `content/articles/<slug>/index.md` (or `.mdx`). */
export const article = ({ image }: SchemaContext) => schemas.article({ reference, image });

/** A person: `content/people/<id>.yaml`. */
export const person = schemas.person({ reference });

/** An organisation: `content/organisations/<id>.yaml`. */
export const organisation = schemas.organisation({ reference });

/** A place below country level: `content/places/<id>.yaml`. */
export const place = schemas.place({ reference });

/** A story that several articles follow: `content/stories/<id>.yaml`. */
export const story = schemas.story({ reference });

export const collections = {
  articles: defineCollection({ loader: articleLoader('./content'), schema: article }),
  people: defineCollection({ loader: personLoader('./content'), schema: person }),
  countries: defineCollection({ loader: countryLoader('./content'), schema: schemas.country }),
  organisations: defineCollection({ loader: organisationLoader('./content'), schema: organisation }),
  places: defineCollection({ loader: placeLoader('./content'), schema: place }),
  stories: defineCollection({ loader: storyLoader('./content'), schema: story }),
};
