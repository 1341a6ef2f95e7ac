import { describe, expect, it } from 'vitest';
import { neighbours, plainText } from '../../src/lib/sequence.ts';

describe('neighbours', () => {
  const items = ['a', 'b', 'c'];

  it('gives previous, next and a 1-based position', () => {
    expect(neighbours(items, 1)).toEqual({ previous: 'a', next: 'c', position: 2, total: 3 });
  });

  it('has no previous for the first item and no next for the last', () => {
    expect(neighbours(items, 0)).toMatchObject({ previous: undefined, next: 'b', position: 1 });
    expect(neighbours(items, 2)).toMatchObject({ previous: 'b', next: undefined, position: 3 });
    expect(neighbours(['only'], 0)).toEqual({ previous: undefined, next: undefined, position: 1, total: 1 });
  });

  it('refuses an index outside the list', () => {
    expect(() => neighbours(items, 3)).toThrow(RangeError);
    expect(() => neighbours(items, -1)).toThrow(RangeError);
    expect(() => neighbours([], 0)).toThrow(RangeError);
  });
});

describe('plainText', () => {
  it('removes tags and collapses whitespace', () => {
    expect(plainText('<p>Leaders <strong>agreed</strong>\n on   it.</p>\n<p>Then left.</p>')).toBe(
      'Leaders agreed on it. Then left.',
    );
  });

  it('decodes the entities Markdown writes, each once', () => {
    expect(plainText('&quot;never&quot; &#x27;a&#39; &lt;b&gt; &amp;')).toBe(`"never" 'a' <b> &`);
    // An escaped entity stays an entity's text, not the character it would name.
    expect(plainText('&amp;lt;')).toBe('&lt;');
  });
});
