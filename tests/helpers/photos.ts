/** A gallery photo's image as the pages get it (src/model/data.ts), from an imported file. */
import type { ImageMetadata } from 'astro';
import { photoImageOf, type Photo } from '../../src/model/data.ts';

/** `src` for astro:assets and `image` for the rest, from `import photo from './x.jpg'`. */
export function galleryImage(src: ImageMetadata): Pick<Photo, 'src' | 'image'> {
  return { src, image: photoImageOf(src) };
}
