/** The header's and footer's sections (src/lib/site-nav.ts). */
import { describe, expect, it } from 'vitest';
import { currentState, siteSections } from '../../src/lib/site-nav.ts';

describe('siteSections', () => {
  it('lists timeline, people and countries; stories, organisations and places only where there are any; search last', () => {
    expect(
      siteSections({ stories: false, organisations: false, places: false }).map(({ label }) => label),
    ).toEqual(['Timeline', 'People', 'Countries', 'Search']);
    expect(
      siteSections({ stories: true, organisations: true, places: true }).map(({ href }) => href),
    ).toEqual([
      '/stories/',
      '/timeline/',
      '/people/',
      '/countries/',
      '/organisations/',
      '/places/',
      '/search/',
    ]);
  });
});

describe('currentState', () => {
  it("is 'page' on the section's own page, with or without the trailing slash", () => {
    expect(currentState('/people/', '/people/')).toBe('page');
    expect(currentState('/people', '/people/')).toBe('page');
  });

  it("is 'true' on a page inside the section, and nothing elsewhere", () => {
    expect(currentState('/people/ada-example/', '/people/')).toBe('true');
    expect(currentState('/countries/fr/', '/people/')).toBeUndefined();
    expect(currentState('/peoples/', '/people/')).toBeUndefined();
    expect(currentState('/', '/people/')).toBeUndefined();
    // An article's own timeline is the article's, not the site's Timeline section.
    expect(currentState('/articles/x/timeline/', '/timeline/')).toBeUndefined();
  });
});
