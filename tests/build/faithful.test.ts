/**
 * Every article with its source report under tests/fixtures/source/ (`<slug>-<date>.txt`)
 * against that report: every paragraph of the report is on the built page
 * word for word (typographic quotes aside), each photo caption and credit verbatim, and the body
 * holds nothing the report does not say; its key-facts block only cites sentences of the report.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../helpers/astro.ts';
import { rawArticles } from '../helpers/content.ts';
import { readPage } from '../helpers/dist.ts';
import { textOf } from '../helpers/render.ts';

const distDir = inject('distDir');
const sourceDir = join(projectRoot, 'tests/fixtures/source');
const sourceFiles = readdirSync(sourceDir).filter((name) => name.endsWith('.txt'));
/** The articles of content/ whose source report the suite holds, with that report's text. */
const withSource = rawArticles().flatMap(({ slug, data }) => {
  const file = sourceFiles.find((name) => new RegExp(`^${slug}-\\d{4}-\\d{2}-\\d{2}\\.txt$`).test(name));
  return file ? [{ slug, data, source: readFileSync(join(sourceDir, file), 'utf8') }] : [];
});

/** Straight quotes and apostrophes, single spaces: how the report writes them. */
const plain = (text: string) => text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim();

/** A wire credit in parentheses, as the reports write them after each caption. */
const CAPTIONS = /\(([^()]*(?:AFP|Getty Images)[^()]*)\)/;

if (withSource.length === 0) {
  describe('articles against their source reports', () => {
    it.skip('no article of content/ has its source report in tests/fixtures/source/ (<slug>-<date>.txt), so none is compared', () => {});
  });
}

describe.each(withSource)('$slug is faithful to its source', ({ data, slug, source }) => {
  const page = readPage(distDir, `articles/${slug}/index.html`);
  const paragraphs = source
    .split(/\n\s*\n/)
    .map(plain)
    .filter(Boolean);
  const captionBlock = paragraphs.find((paragraph) => CAPTIONS.test(paragraph));
  const bodyParagraphs = paragraphs.filter((paragraph) => paragraph !== captionBlock);

  it('has every paragraph of the report, in order, and no other', () => {
    // Paragraphs of the text itself, not of the explainer blocks placed in it.
    const rendered = page.querySelectorAll('.prose > p').map((p) => plain(textOf(p)));
    expect(rendered).toEqual(bodyParagraphs);
  });

  it('has every photo caption and credit verbatim', () => {
    const gallery: unknown[] = data['gallery'] ?? [];
    if (!captionBlock) {
      // A report without photo captions: the article shows no photo either.
      expect(gallery).toHaveLength(0);
      return;
    }
    const credits = [...captionBlock.matchAll(/\(([^()]*(?:AFP|Getty Images))\)/g)].map((match) => match[1]!);
    const captions = captionBlock
      .split(/\([^()]*(?:AFP|Getty Images)\)/)
      .map((caption) => caption.trim())
      .filter(Boolean);
    expect(captions).toHaveLength(gallery.length);
    const figures = page.querySelectorAll('figure figcaption').map((caption) => plain(textOf(caption)));
    captions.forEach((caption, index) => {
      expect(
        figures.some((figure) => figure.includes(caption)),
        caption,
      ).toBe(true);
      expect(
        figures.some((figure) => figure.includes(credits[index]!)),
        credits[index],
      ).toBe(true);
    });
  });

  it('takes every key fact from a sentence of the report', () => {
    const facts = page.querySelectorAll('.key-facts li');
    for (const fact of facts) {
      const cite = decodeURIComponent(
        fact.querySelector('a')!.getAttribute('href')!.replace('#:~:text=', ''),
      );
      expect(source.replace(/\s+/g, ' ')).toContain(cite);
      expect(cite).toContain(textOf(fact.querySelector('.figure')));
    }
  });

  it('labels every photo as a placeholder', () => {
    // The lightbox's empty <dialog> figure is filled by script from these.
    const figures = page.querySelectorAll('figure').filter((figure) => figure.querySelector('img'));
    // The report's photos are wire photos the site holds no licence for: each is a placeholder.
    const gallery: { id: string; placeholder?: boolean }[] = data['gallery'] ?? [];
    for (const photo of gallery) expect(photo.placeholder, photo.id).toBe(true);
    expect(figures.length).toBeGreaterThanOrEqual(gallery.length);
    for (const figure of figures) {
      expect(textOf(figure.querySelector('figcaption'))).toMatch(/^Placeholder image\./);
      expect(figure.querySelector('img')?.getAttribute('alt')).toMatch(/placeholder/i);
    }
  });
});
