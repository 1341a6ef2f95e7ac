/** Reading Pagefind's excerpts as text and marks, result URLs and the live region's message (src/lib/search-excerpt.ts). */
import { describe, expect, it } from 'vitest';
import { decodeEntities, excerptParts, resultsMessage, sitePath } from '../../src/lib/search-excerpt.ts';

describe('excerptParts', () => {
  it('splits an excerpt into plain and marked runs', () => {
    expect(excerptParts('the <mark>Paris</mark> talks, <mark>Paris</mark>')).toEqual([
      { text: 'the ', marked: false },
      { text: 'Paris', marked: true },
      { text: ' talks, ', marked: false },
      { text: 'Paris', marked: true },
    ]);
  });

  it('decodes escaped text, so markup in a page arrives as text, never as an element', () => {
    expect(excerptParts('&lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>&quot;x&quot;</mark>')).toEqual([
      { text: '<script>alert(1)</script> & ', marked: false },
      { text: '"x"', marked: true },
    ]);
  });

  it('keeps any other tag as the text it is', () => {
    expect(excerptParts('<b>bold</b> <img src=x onerror=alert(1)>')).toEqual([
      { text: '<b>bold</b> <img src=x onerror=alert(1)>', marked: false },
    ]);
  });

  it('joins neighbouring runs of the same kind and drops empty ones', () => {
    expect(excerptParts('<mark>a</mark><mark>b</mark>')).toEqual([{ text: 'ab', marked: true }]);
    expect(excerptParts('')).toEqual([]);
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal and hexadecimal references, and leaves unknown ones', () => {
    expect(decodeEntities('&#39;&#x27;&apos; &nbsp;&copy; &#0; &#xD800;')).toBe(
      "''' \u00a0&copy; \ufffd \ufffd",
    );
  });
});

describe('sitePath', () => {
  it('accepts paths on this site only', () => {
    expect(sitePath('/articles/x/')).toBe('/articles/x/');
    for (const url of ['//evil.example/', '/\\evil.example', 'javascript:alert(1)', 'https://x.example/', ''])
      expect(sitePath(url), url).toBeUndefined();
  });
});

describe('resultsMessage', () => {
  it('counts the results in the right number', () => {
    expect(resultsMessage(0, 'rain')).toBe('No results for “rain”');
    expect(resultsMessage(1, 'rain')).toBe('1 result for “rain”');
    expect(resultsMessage(12, 'rain')).toBe('12 results for “rain”');
  });
});
