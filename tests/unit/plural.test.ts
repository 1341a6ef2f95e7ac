import { expect, it } from 'vitest';
import { plural } from '../../src/lib/plural.ts';

it('puts the noun in the number its count needs', () => {
  expect([0, 1, 2].map((count) => plural(count, 'event'))).toEqual(['0 events', '1 event', '2 events']);
  expect(plural(1, 'person', 'people')).toBe('1 person');
  expect(plural(3, 'person', 'people')).toBe('3 people');
});
