/**
 * Dates shown on the site (parsed by `dates.ts`), each formatted in an explicit zone so the
 * output never depends on the build machine's TZ.
 *
 * Kept apart from `dates.ts` because of what date-fns costs to load: under Node 24 each of its
 * modules took about 6 ms to import, most of it in Node's package.json lookups (the package's is
 * 199 KB), so `format` and its 30 modules took 190-245 ms (33 ms under Node 20). The content
 * schemas need only parsing, so a build no longer loads date-fns with them, and the pages bundle
 * it (astro.config.mjs, `vite.environments.prerender.resolve.noExternal`).
 */
import { tz } from '@date-fns/tz';
// Per-function entry points: the package's index costs seconds to load in plain Node (check:content).
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format } from 'date-fns/format';
import {
  localInstants,
  offsetMinutes,
  offsetText,
  parseWhen,
  type Precision,
  type TimeOfDay,
} from './dates.ts';

const PATTERNS: Record<Exclude<Precision, 'instant'>, string> = {
  year: 'yyyy',
  month: 'MMMM yyyy',
  day: 'MMMM d, yyyy',
};

/**
 * Human text for a date at exactly its precision. Calendar dates are read in UTC (they name a
 * day, not a moment): "September 4, 2025". Instants are shown in `timeZone` (the article's
 * display zone) with the clock time and the zone's name: "September 4, 2025, 9:15 a.m. London
 * time" (see {@link clockTime} and {@link zoneName}).
 */
export function formatWhen(value: string, timeZone: string): string {
  const when = parseWhen(value);
  if (when.precision === 'instant') {
    const local = new Date(when.start.getTime() + offsetMinutes(timeZone, when.start) * 60_000);
    const day = format(local, PATTERNS.day, { in: tz('UTC') });
    return `${day}, ${clockTime(local.getUTCHours(), local.getUTCMinutes())} ${zoneName(timeZone, when.start)}`;
  }
  return format(when.start, PATTERNS[when.precision], { in: tz('UTC') });
}

/** The date alone at its precision; an instant gives the day it falls on in `timeZone`. */
export function formatDay(value: string, timeZone: string): string {
  return formatWhen(calendarDay(value, timeZone) ?? value, timeZone);
}

/**
 * A clock time as English readers expect it (the site's language, `site.lang`): "6:40 p.m.",
 * "9 a.m." (no ":00"), "noon" and "midnight" (never "12 p.m."/"12 a.m.", which readers confuse).
 */
export function clockTime(hours: number, minutes: number): string {
  if (minutes === 0 && hours === 12) return 'noon';
  if (minutes === 0 && hours === 0) return 'midnight';
  const hour = hours % 12 === 0 ? 12 : hours % 12;
  return `${hour}${minutes === 0 ? '' : `:${String(minutes).padStart(2, '0')}`} ${hours < 12 ? 'a.m.' : 'p.m.'}`;
}

/**
 * The zone as readers know it, by one rule: the city of its IANA name, "Bangkok time",
 * "London time", "New York time" (right in summer and winter alike, where "BST"/"GMT" or
 * "EDT"/"EST" change with the season, and many zones have no abbreviation English readers
 * know). A name without a city ('UTC', 'Etc/GMT-7') is shown as its offset at `at`: "UTC",
 * "UTC+7", "UTC+5:30". The exact offset is in the `datetime` attribute.
 */
export function zoneName(timeZone: string, at: Date): string {
  const slash = timeZone.lastIndexOf('/');
  if (slash > 0 && !/^etc\//i.test(timeZone)) return `${timeZone.slice(slash + 1).replace(/_/g, ' ')} time`;
  const offset = offsetMinutes(timeZone, at);
  if (offset === 0) return 'UTC';
  const minutes = Math.abs(offset) % 60;
  return `UTC${offset < 0 ? '-' : '+'}${Math.floor(Math.abs(offset) / 60)}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}

/** How a vague part of the day reads after a date: "September 4, 2025, in the evening". */
export const TIME_OF_DAY_PHRASES: Record<TimeOfDay, string> = {
  morning: 'in the morning',
  afternoon: 'in the afternoon',
  evening: 'in the evening',
  night: 'at night',
  overnight: 'overnight',
};

/**
 * A local clock time on a day, as the source gives it: "September 4, 2025, 6:40 p.m. Bangkok
 * time" ("about 6:40 p.m." when `approximate`), and a `datetime` with the offset in force in that
 * zone on that day ('2025-09-04T18:40+07:00'). A time the clocks show twice (the hour repeated
 * when they go back) is taken as the first; one they skip is refused by the content rules.
 */
export function localTime(
  date: string,
  time: string,
  timeZone: string,
  approximate = false,
): { text: string; datetime: string } {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const at = localInstants(date, time, timeZone)[0] ?? parseWhen(`${date}T${time}Z`).start;
  const clock = `${approximate ? 'about ' : ''}${clockTime(hours, minutes)}`;
  return {
    text: `${formatWhen(date, 'UTC')}, ${clock} ${zoneName(timeZone, at)}`,
    datetime: `${date}T${time}${offsetText(offsetMinutes(timeZone, at))}`,
  };
}

/** The calendar day (YYYY-MM-DD) an instant or day falls on in `timeZone`; coarser dates have none. */
export function calendarDay(value: string, timeZone: string): string | undefined {
  const when = parseWhen(value);
  if (when.precision === 'day') return when.iso;
  if (when.precision === 'instant') return format(when.start, 'yyyy-MM-dd', { in: tz(timeZone) });
  return undefined;
}

/** Whole calendar days from `from` to `to` (both day-precision or finer), negative when before. */
export function daysBetween(from: string, to: string, timeZone: string): number | undefined {
  const a = calendarDay(from, timeZone);
  const b = calendarDay(to, timeZone);
  if (!a || !b) return undefined;
  return differenceInCalendarDays(parseWhen(b).start, parseWhen(a).start, { in: tz('UTC') });
}
