import { describe, expect, it } from 'vitest';
import { pageKey } from '../../src/lib/page-key.ts';

describe('pageKey', () => {
  const article = {
    id: 'a',
    data: {
      title: 'T',
      gallery: [{ image: { file: 'content/articles/a/p.jpg', hash: 'abc', width: 1600 } }],
    },
  };

  it('is the same for equal data, whatever the key order', () => {
    const reordered = {
      data: {
        gallery: [{ image: { width: 1600, hash: 'abc', file: 'content/articles/a/p.jpg' } }],
        title: 'T',
      },
      id: 'a',
    };
    expect(pageKey(article, 'registry')).toBe(pageKey(reordered, 'registry'));
  });

  it('changes when any nested value changes', () => {
    const base = pageKey(article, 'registry');
    const newPhoto = structuredClone(article);
    newPhoto.data.gallery[0]!.image.hash = 'def';
    expect(pageKey(newPhoto, 'registry')).not.toBe(base);
    expect(pageKey(article, 'registry 2')).not.toBe(base);
  });

  it('keeps array order significant', () => {
    expect(pageKey([1, 2])).not.toBe(pageKey([2, 1]));
  });

  it('tells undefined, null and missing apart where JSON does', () => {
    expect(pageKey({ a: null })).not.toBe(pageKey({}));
    // JSON drops undefined members: an optional field left out and set to undefined are the same data.
    expect(pageKey({ a: undefined })).toBe(pageKey({}));
  });
});
