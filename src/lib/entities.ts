/** People and countries as of a given date. */
import { parseWhen, periodOf } from './dates';

export interface DatedRole {
  title: string;
  from: string;
  until?: string | undefined;
}

/**
 * The role held on `date`. Throws when none was held,
 * so a page never states a role that was not true on the article's date.
 */
export function roleOn(roles: readonly DatedRole[], date: string, who: string): string {
  const held = rolesHeldOn(roles, date);
  if (held.length === 0)
    throw new Error(`${who}: no role covers ${date}; add one to "roles" with its "from" date`);
  // The latest started role wins where two overlap (a new post taken before the old one ended).
  return held.reduce((a, b) => (parseWhen(b.from).start > parseWhen(a.from).start ? b : a)).title;
}

/** The roles that cover the whole period `date` names: all of July for '2024-07', the day for an instant. */
export function rolesHeldOn<R extends DatedRole>(roles: readonly R[], date: string): R[] {
  const period = periodOf(date);
  return roles.filter(
    (role) =>
      periodOf(role.from).start <= period.start &&
      (role.until === undefined || periodOf(role.until).end >= period.end),
  );
}

export interface CountryNames {
  name: string;
  formerNames?: readonly { name: string; until: string }[] | undefined;
}

/** The country's name on `date`: the earliest former name still valid then, or the current name. */
export function countryNameOn(country: CountryNames, date: string): string {
  const day = parseWhen(date).start.getTime();
  const former = [...(country.formerNames ?? [])]
    .sort((a, b) => parseWhen(a.until).start.getTime() - parseWhen(b.until).start.getTime())
    .find((entry) => day <= parseWhen(entry.until).start.getTime());
  return former?.name ?? country.name;
}

/** The most recently started role. */
export function latestRole<R extends DatedRole>(roles: readonly R[]): R {
  if (roles.length === 0) throw new Error('no roles');
  return roles.reduce((a, b) => (parseWhen(b.from).start > parseWhen(a.from).start ? b : a));
}
