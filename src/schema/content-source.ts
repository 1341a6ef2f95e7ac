/**
 * The content folder on disk as the content rules read it (src/schema/content-check.ts): one
 * source for `npm run check:content` and the build's loaders, so both see the same files, the
 * same image checks and the same share-image fonts.
 */
import { relative, resolve } from 'node:path';
import { checkContentFile, listContentFiles, readContentFile } from '../files/content-on-disk.ts';
import type { ContentSource } from './content-check.ts';
import { bodyImageSources, shortMarkdownFindings } from '../markdown/markdown.ts';
import { missingGlyphs, SHARE_TEXT_FACE, SHARE_TITLE_FACE } from '../share-image/render.ts';

export function contentSource(root: string): ContentSource {
  const label = relative(process.cwd(), root).split('\\').join('/') || '.';
  const listing = listContentFiles(root, label);
  return {
    label,
    files: listing.files,
    listingProblems: listing.problems,
    read: (path, maxBytes) => readContentFile(resolve(root, path), maxBytes),
    imageFile: (dir, src) => checkContentFile(root, resolve(root, dir), src, label),
    shortMarkdown: shortMarkdownFindings,
    bodyImages: bodyImageSources,
    undrawable: (text, face) => missingGlyphs(text, face === 'title' ? SHARE_TITLE_FACE : SHARE_TEXT_FACE),
  };
}
