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
import { parseWhen, type Precision } from './dates';

const PATTERNS: Record<Exclude<Precision, 'instant'>, string> = {
  year: 'yyyy',
  month: 'MMMM yyyy',
  day: 'MMMM d, yyyy',
};

/**
 * Human text for a date at exactly its precision. Calendar dates are read in UTC (they name a
 * day, not a moment); instants are shown in `timeZone` with the zone's offset.
 */
export function formatWhen(value: string, timeZone: string): string {
  const when = parseWhen(value);
  if (when.precision === 'instant') {
    return format(when.start, "MMMM d, yyyy, HH:mm 'GMT'xxx", { in: tz(timeZone) }).replace(
      'GMT+00:00',
      'GMT',
    );
  }
  return format(when.start, PATTERNS[when.precision], { in: tz('UTC') });
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
