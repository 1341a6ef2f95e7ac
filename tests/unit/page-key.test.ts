import { describe, expect, it } from 'vitest';
import { pageKey, withSiteWideKeys, type PagePath } from '../../src/lib/page-key.ts';

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

describe('withSiteWideKeys', () => {
  const HOME = 'src/pages/index.astro';
  const FEED = 'src/pages/rss.xml.ts';
  const ARTICLE = 'src/pages/articles/[slug]/index.astro';
  const ROBOTS = 'src/pages/robots.txt.ts';
  const at = (pathname: string, component: string, cacheKey?: string): PagePath => ({
    pathname,
    route: { component },
    ...(cacheKey !== undefined && { cacheKey }),
  });
  const paths = [
    at('/', HOME),
    at('/rss.xml', FEED),
    at('/robots.txt', ROBOTS),
    at('/articles/a/', ARTICLE, 'key-a'),
    at('/articles/b/', ARTICLE, 'key-b'),
  ];
  const keyOf = (list: PagePath[], pathname: string) =>
    list.find((path) => path.pathname === pathname)!.cacheKey;

  it('keys the named routes alike, and leaves the others and the keyed pages as they were', () => {
    const keyed = withSiteWideKeys(paths, [HOME, FEED]);
    expect(keyOf(keyed, '/')).toMatch(/^[0-9a-f]{32}$/);
    expect(keyOf(keyed, '/rss.xml')).toBe(keyOf(keyed, '/'));
    expect(keyOf(keyed, '/robots.txt')).toBeUndefined();
    expect(keyed.slice(3)).toEqual(paths.slice(3));
    expect(keyed[0]!.route).toBe(paths[0]!.route);
  });

  it("changes the key when any keyed page's key changes, is added or goes", () => {
    const key = keyOf(withSiteWideKeys(paths, [HOME]), '/');
    const edited = paths.map((path) => (path.cacheKey === 'key-b' ? { ...path, cacheKey: 'key-b2' } : path));
    const added = [...paths, at('/articles/c/', ARTICLE, 'key-c')];
    const removed = paths.filter((path) => path.pathname !== '/articles/b/');
    for (const other of [edited, added, removed])
      expect(keyOf(withSiteWideKeys(other, [HOME]), '/')).not.toBe(key);
    expect(keyOf(withSiteWideKeys([...paths].reverse(), [HOME]), '/')).toBe(key);
  });

  it('keys nothing while no page has a key of its own', () => {
    const unkeyed = paths.slice(0, 3);
    expect(withSiteWideKeys(unkeyed, [HOME]).map((path) => path.cacheKey)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('names a route that builds no page, or one that keys its own pages', () => {
    expect(() => withSiteWideKeys(paths, ['src/pages/hmoe.astro'])).toThrow(
      'site-wide pages: no page is built from src/pages/hmoe.astro',
    );
    expect(() => withSiteWideKeys(paths, [ARTICLE])).toThrow(
      `site-wide pages: ${ARTICLE} gives its pages keys of its own`,
    );
  });
});
