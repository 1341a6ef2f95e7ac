/**
 * The content schemas of `src/schema/schemas.ts` bound for the content rules, which run before Astro
 * reads an entry: `reference()` becomes a check that the id is registered (naming the nearest
 * known id when it is not), and a photo path is checked on disk by the caller's `photoFile`.
 * A reference parses to `{ collection, id }` like Astro's.
 */
import { z } from 'astro/zod';
import * as schemas from './schemas.ts';
import type { SchemaHelpers } from './schemas.ts';
import { nearestId } from './content-rules.ts';
import { said } from '../lib/problem.ts';

/**
 * The registered ids of each kind an entry may reference; undefined when the registry file could
 * not be read, which is reported on its own (one mistake, one message).
 */
export type KnownIds = Readonly<
  Record<'people' | 'countries', ReadonlySet<string> | undefined> &
    Partial<Record<'organisations' | 'places' | 'stories', ReadonlySet<string> | undefined>>
>;

const WHERE = {
  people: 'content/people/<id>.yaml',
  countries: 'content/countries.yaml',
  organisations: 'content/organisations/<id>.yaml',
  places: 'content/places/<id>.yaml',
  stories: 'content/stories/<id>.yaml',
} as const;
const SINGULAR = {
  people: 'person',
  countries: 'country',
  organisations: 'organisation',
  places: 'place',
  stories: 'story',
} as const;

function knownReference(known: KnownIds): SchemaHelpers['reference'] {
  const reference = (collection: keyof typeof WHERE) =>
    z
      .string()
      .superRefine((id, ctx) => {
        const ids = known[collection];
        if (!ids || ids.has(id)) return;
        const near = nearestId(id, ids);
        ctx.addIssue({
          code: 'custom',
          message: said(
            `unknown ${SINGULAR[collection]} "${id}"`,
            near
              ? `did you mean "${near}"? If not, add it to ${WHERE[collection]}`
              : `add it to ${WHERE[collection]}, or fix the id`,
          ),
        });
      })
      .transform((id) => ({ collection, id }));
  return reference as unknown as SchemaHelpers['reference'];
}

/** The article schema, given the registry and the check of a photo path on disk. */
export function articleSchema(known: KnownIds, photoFile: SchemaHelpers['photoFile']) {
  return schemas.article({ reference: knownReference(known), photoFile });
}

export function personSchema(known: KnownIds) {
  return schemas.person({ reference: knownReference(known) });
}

export const countrySchema = schemas.country;

export function organisationSchema(known: KnownIds) {
  return schemas.organisation({ reference: knownReference(known) });
}

export function placeSchema(known: KnownIds) {
  return schemas.place({ reference: knownReference(known) });
}

export function storySchema(known: KnownIds) {
  return schemas.story({ reference: knownReference(known) });
}
