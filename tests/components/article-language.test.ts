/**
 * An article's text carries its language and direction (`lang` in its frontmatter) wherever it is
 * shown, and text in the site's language has neither: an English title that starts with a Hebrew
 * name still reads left to right (no `dir="auto"`, which the first letter would turn around).
 */
import { describe, expect, it } from 'vitest';
import ArticleCard from '../../src/components/ArticleCard.astro';
import ArticleHeader from '../../src/components/ArticleHeader.astro';
import ForeignText from '../../src/components/ForeignText.astro';
import {
  isLanguageTag,
  languageAttributes,
  languageDirection,
  textDirection,
} from '../../src/lib/text-direction.ts';
import { render, textOf } from '../helpers/render.ts';

const HEADER = {
  dek: 'Dek.',
  dateline: 'Jerusalem',
  byline: 'Backstory staff',
  published: '2025-09-04',
  sources: [{ name: 'Reuters' }],
};

describe('languages and directions', () => {
  it('accepts BCP 47 tags that name a language, and nothing else', () => {
    for (const tag of ['he', 'en', 'pt-BR', 'zh-Hant', 'sr-Latn-RS', 'yue'])
      expect(isLanguageTag(tag), tag).toBe(true);
    for (const tag of ['', 'und', 'english', 'he_IL', 'x-klingon', '12', 'he-', 'en--GB'])
      expect(isLanguageTag(tag), tag).toBe(false);
  });

  it("gives a language its script's direction", () => {
    expect(['he', 'ar', 'fa', 'ur', 'yi', 'ckb', 'dv'].map(languageDirection)).toEqual(Array(7).fill('rtl'));
    expect(['en', 'th', 'zh', 'ja', 'ko', 'hi', 'uk', 'el', 'ar-Latn', 'az'].map(languageDirection)).toEqual(
      Array(10).fill('ltr'),
    );
    expect(languageDirection('az-Arab')).toBe('rtl');
  });

  it("marks only text that is not in the site's language", () => {
    expect(languageAttributes(undefined, 'en')).toEqual({});
    expect(languageAttributes('EN', 'en')).toEqual({});
    expect(languageAttributes('he', 'en')).toEqual({ lang: 'he', dir: 'rtl' });
    expect(languageAttributes('fr', 'en')).toEqual({ lang: 'fr', dir: 'ltr' });
  });

  it('still judges a lone name by its first letter', () => {
    expect(textDirection('יצחק הרצוג meets Macron')).toBe('rtl');
  });
});

describe("an article's title and dek", () => {
  const title = 'יצחק הרצוג meets Macron in Paris';

  it('in the site’s language: neither lang nor dir, so the title reads left to right', async () => {
    const root = await render(ArticleHeader, { ...HEADER, title });
    for (const element of [root.querySelector('h1')!, root.querySelector('.dek')!]) {
      expect(element.getAttribute('lang')).toBeUndefined();
      expect(element.getAttribute('dir')).toBeUndefined();
    }
    expect(root.querySelectorAll('[dir="auto"]')).toHaveLength(0);
  });

  it('in another language: its lang and direction on the title, the dek and the dateline', async () => {
    const root = await render(ArticleHeader, { ...HEADER, title: 'הרצוג נפגש עם מקרון', lang: 'he' });
    for (const element of [
      root.querySelector('h1')!,
      root.querySelector('.dek')!,
      root.querySelector('.dateline bdi')!,
    ]) {
      expect(element.getAttribute('lang')).toBe('he');
      expect(element.getAttribute('dir')).toBe('rtl');
    }
    // The site's own words around them stay in the page's language.
    expect(root.querySelector('.byline')!.closest('[lang]')).toBeNull();
  });

  it('in a list of articles: the card carries the language of the article', async () => {
    const card = await render(ArticleCard, {
      href: '/articles/x/',
      title: 'Заголовок',
      dek: 'Опис.',
      published: '2025-09-04',
      lang: 'uk',
    });
    expect(card.querySelector('h2')!.getAttribute('lang')).toBe('uk');
    expect(card.querySelector('h2')!.getAttribute('dir')).toBe('ltr');
  });
});

describe('ForeignText', () => {
  it('isolates text in another language in a <bdi> with its lang and dir', async () => {
    const root = await render(ForeignText, { lang: 'ar' }, { default: 'عنوان' });
    const bdi = root.querySelector('bdi')!;
    expect([bdi.getAttribute('lang'), bdi.getAttribute('dir'), textOf(bdi)]).toEqual(['ar', 'rtl', 'عنوان']);
  });

  it("leaves text in the site's language as it is", async () => {
    const root = await render(ForeignText, {}, { default: 'Title' });
    expect(root.querySelector('bdi')).toBeNull();
    expect(textOf(root)).toBe('Title');
  });
});
