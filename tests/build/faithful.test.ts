/**
 * The seed article against its source report: every paragraph of the report is on the built page
 * word for word (typographic quotes aside), each photo caption and credit verbatim, and the body
 * holds nothing the report does not say; its key-facts block only cites sentences of the report.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../helpers/astro';
import { readPage } from '../helpers/dist';
import { textOf } from '../helpers/render';

const distDir = inject('distDir');
const source = readFileSync(join(projectRoot, 'tests/fixtures/source/coalition-of-the-willing-paris-2025-09-04.txt'), 'utf8');
const page = readPage(distDir, 'articles/coalition-of-the-willing-paris/index.html');

/** Straight quotes and apostrophes, single spaces: how the report writes them. */
const plain = (text: string) => text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim();

const paragraphs = source.split(/\n\s*\n/).map(plain).filter(Boolean);
const CAPTIONS = /\(([^()]*(?:AFP|Getty Images)[^()]*)\)/g;
const captionBlock = paragraphs.find((paragraph) => CAPTIONS.test(paragraph))!;
const bodyParagraphs = paragraphs.filter((paragraph) => paragraph !== captionBlock);

describe('the seed article is faithful to its source', () => {
  it('has every paragraph of the report, in order, and no other', () => {
    // Paragraphs of the text itself, not of the explainer blocks placed in it.
    const rendered = page
      .querySelectorAll('.prose > p')
      .map((p) => plain(textOf(p)));
    expect(rendered).toEqual(bodyParagraphs);
  });

  it('has every photo caption and credit verbatim', () => {
    const credits = [...captionBlock.matchAll(/\(([^()]*(?:AFP|Getty Images))\)/g)].map((match) => match[1]!);
    const captions = captionBlock
      .split(/\([^()]*(?:AFP|Getty Images)\)/)
      .map((caption) => caption.trim())
      .filter(Boolean);
    expect(captions).toHaveLength(3);
    const figures = page.querySelectorAll('figure figcaption').map((caption) => plain(textOf(caption)));
    captions.forEach((caption, index) => {
      expect(figures.some((figure) => figure.includes(caption)), caption).toBe(true);
      expect(figures.some((figure) => figure.includes(credits[index]!)), credits[index]).toBe(true);
    });
  });

  it('takes every key fact from a sentence of the report', () => {
    const facts = page.querySelectorAll('.key-facts li');
    expect(facts.length).toBeGreaterThan(0);
    for (const fact of facts) {
      const cite = decodeURIComponent(fact.querySelector('a')!.getAttribute('href')!.replace('#:~:text=', ''));
      expect(source.replace(/\s+/g, ' ')).toContain(cite);
      expect(cite).toContain(textOf(fact.querySelector('.figure')));
    }
  });

  it('labels every photo as a placeholder', () => {
    // The lightbox's empty <dialog> figure is filled by script from these.
    const figures = page.querySelectorAll('figure').filter((figure) => figure.querySelector('img'));
    expect(figures.length).toBeGreaterThanOrEqual(3);
    for (const figure of figures) {
      expect(textOf(figure.querySelector('figcaption'))).toMatch(/^Placeholder image\./);
      expect(figure.querySelector('img')?.getAttribute('alt')).toMatch(/placeholder/i);
    }
  });
});
