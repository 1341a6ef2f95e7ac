/**
 * The content schemas of `src/schemas.ts` bound to a stand-in for Astro's `reference()` and to a
 * file check, so plain Node can validate with the very rules the build uses. A reference parses
 * to `{ collection, id }` like Astro's (unknown ids are reported by `src/lib/integrity.ts`); a
 * photo path must name a file beside the entry.
 */
import { posix } from 'node:path';
import { z } from 'astro/zod';
import * as schemas from '../schemas';
import type { SchemaHelpers } from '../schemas';

/** Where an entry's relative image paths resolve, and how to tell that a file exists. */
export interface ImageContext {
  /** The entry's folder, relative to the content folder: 'articles/<slug>'. */
  dir: string;
  /** The content folder as shown in messages: 'content'. */
  label: string;
  exists(path: string): boolean;
}

const reference = ((collection: string) =>
  z.string().transform((id) => ({ collection, id }))) as unknown as SchemaHelpers['reference'];

/** Why `src` (a local image path) names no file beside the entry, or undefined. */
function missingPhoto({ dir, label, exists }: ImageContext) {
  return (src: string) => {
    const path = posix.normalize(posix.join(dir, src));
    return exists(path)
      ? undefined
      : `image file "${src}" not found (expected ${label}/${path}): put the photo beside the article or fix the path`;
  };
}

/** The article schema for one article folder. */
export function articleSchema(images: ImageContext) {
  return schemas.article({ reference, missingPhoto: missingPhoto(images) });
}

export const personSchema = schemas.person({ reference });

export const countrySchema = schemas.country;
