/** People and countries as of a given date. */
import { parseWhen, periodOf } from './dates.ts';

export interface DatedRole {
  title: string;
  /** First day in the role; absent when the report does not say (held up to `until`). */
  from?: string | undefined;
  until?: string | undefined;
}

/**
 * The titles of the roles held on `date`, in the order written: none for a person registered
 * without roles. Throws when the person has roles but none covers the date, so a page never
 * states a role that was not true on the article's date (the content rules report it first).
 * On a handover day (a role ends the day another starts) only the starting one is shown.
 */
export function rolesOn(roles: readonly DatedRole[], date: string, who: string): string[] {
  if (roles.length === 0) return [];
  const held = rolesHeldOn(roles, date);
  if (held.length === 0)
    throw new Error(
      `${who}: no role covers ${date}; add one to "roles" (with its "from" date when the report gives it)`,
    );
  const period = periodOf(date);
  const starting = held.filter(
    (role) => role.from !== undefined && periodOf(role.from).start >= period.start,
  );
  const shown =
    starting.length === 0
      ? held
      : held.filter(
          (role) =>
            starting.includes(role) || role.until === undefined || periodOf(role.until).end > period.end,
        );
  return shown.map((role) => role.title);
}

/**
 * The roles that cover the whole period `date` names: all of July for '2024-07', the day for an
 * instant. A role without `from` covers every date up to its `until`.
 */
export function rolesHeldOn<R extends DatedRole>(roles: readonly R[], date: string): R[] {
  const period = periodOf(date);
  return roles.filter(
    (role) =>
      (role.from === undefined || periodOf(role.from).start <= period.start) &&
      (role.until === undefined || periodOf(role.until).end >= period.end),
  );
}

/** Roles as a page writes them after a name: "Prime Minister; Minister of Finance". */
export function rolesText(titles: readonly string[]): string {
  return titles.join('; ');
}

/** What a card writes under a name: the roles, then the country ("Prime Minister, Thailand"; "Thailand" without roles). */
export function rolesAndCountry(titles: readonly string[], country: string): string {
  return titles.length > 0 ? `${rolesText(titles)}, ${country}` : country;
}

/** A person named in full: the honorific or rank, then the name ("Pol. Gen. Kittirat Phanphet"). */
export function fullName(person: { name: string; honorific?: string | undefined }): string {
  return person.honorific ? `${person.honorific} ${person.name}` : person.name;
}

/**
 * The latest of `dates` on which `role` is held, as a day ('2025-09-04' for an instant that day):
 * what a role without a start date is shown "as of". Undefined when it covers none of them.
 */
export function lastDayHeld(role: DatedRole, dates: readonly string[]): string | undefined {
  return dates
    .filter((date) => rolesHeldOn([role], date).length > 0)
    .map((date) => (parseWhen(date).precision === 'instant' ? date.slice(0, 10) : date))
    .reduce<string | undefined>(
      (latest, date) =>
        latest === undefined || periodOf(date).start > periodOf(latest).start ? date : latest,
      undefined,
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

/**
 * When a role began, for ordering: its `from`; without one, its `until` (it was held then), or,
 * still held with no dates, the latest of all (it is the one articles show now).
 */
function startOf(role: DatedRole): number {
  if (role.from !== undefined) return periodOf(role.from).start.getTime();
  if (role.until !== undefined) return periodOf(role.until).start.getTime();
  return Number.POSITIVE_INFINITY;
}

/** The most recently started role (see {@link startOf}); the first written of equals; undefined for none. */
export function latestRole<R extends DatedRole>(roles: readonly R[]): R | undefined {
  return roles.reduce<R | undefined>(
    (a, b) => (a === undefined || startOf(b) > startOf(a) ? b : a),
    undefined,
  );
}

/** Roles newest first (see {@link startOf}), equals in the order written. */
export function rolesNewestFirst<R extends DatedRole>(roles: readonly R[]): R[] {
  return [...roles].sort((a, b) => (startOf(a) === startOf(b) ? 0 : startOf(b) > startOf(a) ? 1 : -1));
}
