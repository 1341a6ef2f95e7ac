import { describe, expect, it } from 'vitest';
import { documentTitle } from '../../src/seo/seo.ts';

describe('documentTitle', () => {
  it('adds the site name when it fits', () => {
    expect(documentTitle('Rutte visits Kyiv', 'Backstory')).toBe('Rutte visits Kyiv | Backstory');
  });

  it('drops the site name before cutting the title', () => {
    const title = '39 countries meet in Paris on security guarantees for Ukraine';
    expect(documentTitle(title, 'Backstory')).toBe(title);
  });

  it('counts escaped quotes, as validators do', () => {
    const title = 'Putin says he has "never ruled out" meeting Zelensky';
    expect(documentTitle(title, 'Backstory')).toBe(title);
  });

  it('cuts an overlong title at a word boundary with an ellipsis', () => {
    const title = 'Timeline: 39 countries meet in Paris on security guarantees for Ukraine, and more';
    const result = documentTitle(title, 'Backstory');
    expect(result.length).toBeLessThanOrEqual(70);
    expect(result.endsWith('…')).toBe(true);
    expect(title.startsWith(result.slice(0, -1))).toBe(true);
    expect(title.charAt(result.length - 1)).toMatch(/[\s,]/);
  });

  it('leaves the home title alone', () => {
    expect(documentTitle('Backstory', 'Backstory')).toBe('Backstory');
  });
});
