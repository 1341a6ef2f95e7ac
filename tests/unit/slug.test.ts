import { describe, expect, it } from 'vitest';
import { MAX_SLUG, slugFor } from '../../src/lib/new-slug.ts';
import { isSlug } from '../../src/lib/slug.ts';

describe('slugFor', () => {
  it('keeps a plain English headline readable', () => {
    expect(slugFor('39 countries meet in Paris on security guarantees')).toBe(
      '39-countries-meet-in-paris-on-security-guarantees',
    );
  });

  it('transliterates Ukrainian and Russian headlines', () => {
    expect(slugFor('Зеленський зустрівся з Макроном у Парижі')).toBe(
      'zelenskiy-zustrivsya-z-makronom-u-parizhi',
    );
    expect(slugFor('Путин: «никогда не исключал» встречу')).toBe('putin-nikogda-ne-isklyuchal-vstrechu');
  });

  it('drops accents, apostrophes and punctuation', () => {
    expect(slugFor("Élysée: Zelensky's plan — what's next?")).toBe('elysee-zelenskys-plan-whats-next');
  });

  it('cuts long headlines at a word boundary', () => {
    const slug = slugFor(
      'A very long headline about the coalition of the willing meeting in Paris and what comes next',
    );
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG);
    expect(slug).toMatch(/^a-very-long-headline-about-the-coalition-of-the-willing(-[a-z]+)*$/);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('refuses a headline with nothing to make a slug from', () => {
    expect(() => slugFor('?!')).toThrow(/cannot make a URL slug/);
  });
});

describe('isSlug', () => {
  it('takes lower-case ASCII words joined by single hyphens, whole', () => {
    for (const id of ['paris', 'paris-meeting', '39-countries', 'a1-b2-c3'])
      expect(isSlug(id), id).toBe(true);
    for (const id of ['', 'Paris', 'a--b', '-a', 'a-', 'a_b', 'a b', 'élysée', 'a/b', 'a\nb'])
      expect(isSlug(id), id).toBe(false);
  });
});
