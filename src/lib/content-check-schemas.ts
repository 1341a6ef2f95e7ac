/**
 * The content schemas of `src/schemas.ts` bound to stand-ins for Astro's `reference()` and
 * `image()`, so plain Node can validate with the very rules the build uses. A reference parses
 * to `{ collection, id }` like Astro's (unknown ids are reported by `src/lib/integrity.ts`); an
 * image is a path that must name a file beside the entry.
 */
import { posix } from 'node:path';
import { z } from 'astro/zod';
import * as schemas from '../schemas';
import type { SchemaHelpers } from '../schemas';

/** Extensions Astro's image pipeline reads. */
const IMAGE_FILE = /\.(jpe?g|png|webp|avif|gif|tiff?|svg)$/i;

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

function image({ dir, label, exists }: ImageContext): SchemaHelpers['image'] {
  return (() =>
    z.string().superRefine((src, ctx) => {
      // A remote or absolute path is reported by the photo schema itself.
      if (!src.startsWith('./') && !src.startsWith('../')) return;
      const path = posix.normalize(posix.join(dir, src));
      if (!IMAGE_FILE.test(src)) {
        ctx.addIssue({
          code: 'custom',
          message: `"${src}" is not an image file Astro can read: use a .jpg, .png, .webp or .avif file`,
        });
      } else if (!exists(path)) {
        ctx.addIssue({
          code: 'custom',
          message: `image file "${src}" not found (expected ${label}/${path}): put the photo beside the article or fix the path`,
        });
      }
    })) as unknown as SchemaHelpers['image'];
}

/** The article schema for one article folder. */
export function articleSchema(images: ImageContext) {
  return schemas.article({ reference, image: image(images) });
}

export const personSchema = schemas.person({ reference });

export const countrySchema = schemas.country;
