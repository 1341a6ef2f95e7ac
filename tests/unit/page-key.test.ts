import { describe, expect, it } from 'vitest';
import { pageKey } from '../../src/lib/page-key';

describe('pageKey', () => {
  const article = {
    id: 'a',
    data: { title: 'T', gallery: [{ src: { src: '/_astro/p.abc.jpg', width: 1600 } }] },
  };

  it('is the same for equal data, whatever the key order', () => {
    const reordered = {
      data: { gallery: [{ src: { width: 1600, src: '/_astro/p.abc.jpg' } }], title: 'T' },
      id: 'a',
    };
    expect(pageKey(article, 'registry')).toBe(pageKey(reordered, 'registry'));
  });

  it('changes when any nested value changes', () => {
    const base = pageKey(article, 'registry');
    const newPhoto = structuredClone(article);
    newPhoto.data.gallery[0]!.src.src = '/_astro/p.def.jpg';
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

  it('reads an Astro image through its clone, which does not mark the original file as used', () => {
    const metadata = { src: '/_astro/p.abc.jpg', width: 1600 };
    const read: PropertyKey[] = [];
    // Like Astro's image() proxy: any field read but `clone` (and JSON's toJSON probe) marks the file.
    const image = new Proxy(metadata, {
      get: (target, name) => {
        if (name === 'clone') return structuredClone(target);
        if (name !== 'toJSON') read.push(name);
        return target[name as keyof typeof target];
      },
    });
    expect(pageKey({ gallery: [{ src: image }] })).toBe(pageKey({ gallery: [{ src: metadata }] }));
    expect(read).toEqual([]);
  });
});
