import { describe, expect, it } from 'vitest';
import { pageKey } from '../../src/lib/page-key.ts';

describe('pageKey', () => {
  const article = {
    id: 'a',
    data: {
      title: 'T',
      // A photo as pageKeyOf hashes it: without `src`, by its image, whose URL names its bytes in a build.
      gallery: [
        {
          image: {
            url: '/_astro/p.Bx3kQ9aZ.jpg',
            width: 1600,
            height: 1000,
            file: '/site/content/articles/a/p.jpg',
          },
        },
      ],
    },
  };

  it('is the same for equal data, whatever the key order', () => {
    const reordered = {
      data: {
        gallery: [
          {
            image: {
              file: '/site/content/articles/a/p.jpg',
              height: 1000,
              width: 1600,
              url: '/_astro/p.Bx3kQ9aZ.jpg',
            },
          },
        ],
        title: 'T',
      },
      id: 'a',
    };
    expect(pageKey(article, 'registry')).toBe(pageKey(reordered, 'registry'));
  });

  it('changes when any nested value changes', () => {
    const base = pageKey(article, 'registry');
    // Other bytes in the same file: astro:assets gives the photo another URL.
    const newPhoto = structuredClone(article);
    newPhoto.data.gallery[0]!.image.url = '/_astro/p.Dq7mW2cE.jpg';
    expect(pageKey(newPhoto, 'registry')).not.toBe(base);
    const resized = structuredClone(article);
    resized.data.gallery[0]!.image.height = 900;
    expect(pageKey(resized, 'registry')).not.toBe(base);
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
