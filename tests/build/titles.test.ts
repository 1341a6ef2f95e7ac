/**
 * Every page of the build can be told apart: its own <title>, and its own canonical URL (all
 * but the 404 page, which has none). Presence, format and the rest of <head> are in seo.test.ts.
 */
import { describe, expect, inject, it } from 'vitest';
import { htmlFiles, readPage } from '../helpers/dist.ts';

const distDir = inject('distDir');
const pages = htmlFiles(distDir).map((file) => {
  const page = readPage(distDir, file);
  return {
    file,
    title: page.querySelector('title')?.textContent.trim() ?? '',
    canonical: page.querySelector('link[rel=canonical]')?.getAttribute('href') ?? null,
  };
});

/** Values that occur more than once, with the files they occur in. */
function duplicates(values: [file: string, value: string][]): string[] {
  const byValue = new Map<string, string[]>();
  for (const [file, value] of values) byValue.set(value, [...(byValue.get(value) ?? []), file]);
  return [...byValue]
    .filter(([, files]) => files.length > 1)
    .map(([value, files]) => `${value}: ${files.join(', ')}`);
}

describe('every page', () => {
  it('has a title no other page has', () => {
    expect(pages.every((page) => page.title !== '')).toBe(true);
    expect(duplicates(pages.map((page) => [page.file, page.title]))).toEqual([]);
  });

  it('has a canonical link (but the 404 page) that no other page has', () => {
    expect(pages.filter((page) => page.canonical === null).map((page) => page.file)).toEqual(['404.html']);
    expect(
      duplicates(
        pages.flatMap((page) =>
          page.canonical === null ? [] : [[page.file, page.canonical] as [string, string]],
        ),
      ),
    ).toEqual([]);
  });
});
