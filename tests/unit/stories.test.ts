/** Stories and related coverage (src/lib/stories.ts). */
import { describe, expect, it } from 'vitest';
import { relatedCoverage, storyPlace, type Coverage } from '../../src/lib/stories.ts';

describe('storyPlace', () => {
  const newestFirst = [{ id: 'c' }, { id: 'b' }, { id: 'a' }];

  it('links the older article as previous and the newer as next, counting from the oldest', () => {
    expect(storyPlace(newestFirst, 'b')).toEqual({
      previous: { id: 'a' },
      next: { id: 'c' },
      position: 2,
      total: 3,
    });
    expect(storyPlace(newestFirst, 'a')).toEqual({
      previous: undefined,
      next: { id: 'b' },
      position: 1,
      total: 3,
    });
    expect(storyPlace(newestFirst, 'c')).toEqual({
      previous: { id: 'b' },
      next: undefined,
      position: 3,
      total: 3,
    });
  });

  it('has neither for the only article of a story, and refuses one that is not in it', () => {
    expect(storyPlace([{ id: 'a' }], 'a')).toEqual({
      previous: undefined,
      next: undefined,
      position: 1,
      total: 1,
    });
    expect(() => storyPlace([{ id: 'a' }], 'x')).toThrow(/not in its story/);
  });
});

describe('relatedCoverage', () => {
  const article = (id: string, rest: Partial<Coverage> = {}): Coverage => ({
    id,
    people: [],
    organisations: [],
    countries: [],
    ...rest,
  });
  const self = article('self', { story: 's', people: ['ada'], countries: ['fr'] });

  it('puts the same story first, then the most shared people, organisations and countries', () => {
    const candidates = [
      article('country-only', { countries: ['fr'] }),
      article('person', { people: ['ada'] }),
      article('same-story', { story: 's' }),
      article('person-and-country', { people: ['ada'], countries: ['fr'] }),
    ];
    expect(relatedCoverage(self, candidates).map(({ id }) => id)).toEqual([
      'same-story',
      'person-and-country',
      'person',
    ]);
  });

  it('never offers the article itself or one that shares nothing, and keeps the newer of equals first', () => {
    const candidates = [
      self,
      article('nothing'),
      article('newer', { countries: ['fr'] }),
      article('older', { countries: ['fr'] }),
    ];
    expect(relatedCoverage(self, candidates).map(({ id }) => id)).toEqual(['newer', 'older']);
  });

  it('offers at most three, or as many as asked', () => {
    const candidates = ['a', 'b', 'c', 'd'].map((id) => article(id, { story: 's' }));
    expect(relatedCoverage(self, candidates)).toHaveLength(3);
    expect(relatedCoverage(self, candidates, 1)).toHaveLength(1);
  });

  it('does not join articles that both have no story', () => {
    expect(relatedCoverage(article('x'), [article('y')])).toEqual([]);
  });
});
