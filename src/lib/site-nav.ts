/** The site's sections as the header and footer link them, and which one a page is in. */
import { paths } from './paths.ts';

export interface NavLink {
  href: string;
  label: string;
}

/** The sections, in order; stories, organisations and places only when the content has any; search last. */
export function siteSections(has: { stories: boolean; organisations: boolean; places: boolean }): NavLink[] {
  return [
    ...(has.stories ? [{ href: paths.stories(), label: 'Stories' }] : []),
    { href: paths.timeline(), label: 'Timeline' },
    { href: paths.people(), label: 'People' },
    { href: paths.countries(), label: 'Countries' },
    ...(has.organisations ? [{ href: paths.organisations(), label: 'Organisations' }] : []),
    ...(has.places ? [{ href: paths.places(), label: 'Places' }] : []),
    { href: paths.search(), label: 'Search' },
  ];
}

/**
 * `aria-current` of a link to `href` on the page at `pathname`: 'page' on the section's own page,
 * 'true' on a page inside it (a person's page, under People), none elsewhere.
 */
export function currentState(pathname: string, href: string): 'page' | 'true' | undefined {
  const path = pathname.endsWith('/') ? pathname : `${pathname}/`;
  if (path === href) return 'page';
  return href !== '/' && path.startsWith(href) ? 'true' : undefined;
}
