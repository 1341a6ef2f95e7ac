/**
 * Dates as the newsroom writes them: a calendar date at the precision the source gives
 * ("2025", "2025-08", "2025-08-18") or an instant with an explicit UTC offset: parsing and
 * ordering. Showing them is `date-format.ts`'s job. This module imports no date-fns: the content
 * schemas use it, and Astro loads those before every build (see date-format.ts).
 */

export type Precision = 'year' | 'month' | 'day' | 'instant';

/** Parts of a day a source may give instead of a clock time ("in the evening", "overnight"). */
export const TIMES_OF_DAY = ['morning', 'afternoon', 'evening', 'night', 'overnight'] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];

export interface When {
  /** What the editor wrote, also a valid HTML `datetime` value. */
  iso: string;
  precision: Precision;
  /** Start of the period (UTC midnight for calendar dates), for ordering only. */
  start: Date;
}

const YEAR = /^(\d{4})$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses a calendar date of any precision or an instant with offset; throws on anything else. */
export function parseWhen(value: string): When {
  const year = YEAR.exec(value);
  if (year) return { iso: value, precision: 'year', start: utc(+year[1]!, 1, 1) };
  const month = MONTH.exec(value);
  if (month) return { iso: value, precision: 'month', start: utc(+month[1]!, +month[2]!, 1) };
  const day = DAY.exec(value);
  if (day) {
    const start = utc(+day[1]!, +day[2]!, +day[3]!);
    if (start.getUTCDate() !== +day[3]!) throw new RangeError(`"${value}" is not a real calendar date`);
    return { iso: value, precision: 'day', start };
  }
  if (INSTANT.test(value)) {
    const start = new Date(value);
    if (!Number.isNaN(start.getTime())) return { iso: value, precision: 'instant', start };
  }
  throw new RangeError(
    `"${value}" is not a date: write 'YYYY', 'YYYY-MM', 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM+01:00'`,
  );
}

/** True when `value` parses with {@link parseWhen}. */
export function isWhen(value: string): boolean {
  try {
    parseWhen(value);
    return true;
  } catch {
    return false;
  }
}

function utc(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

/** The last millisecond of the period a date names (its day, month or year); an instant is itself. */
export function endOf(when: When): Date {
  const { start, precision } = when;
  if (precision === 'instant') return start;
  const next = new Date(start);
  if (precision === 'day') next.setUTCDate(next.getUTCDate() + 1);
  else if (precision === 'month') next.setUTCMonth(next.getUTCMonth() + 1);
  else next.setUTCFullYear(next.getUTCFullYear() + 1);
  return new Date(next.getTime() - 1);
}

/** The calendar period a value names; an instant names the day it was written on (its own offset). */
export function periodOf(value: string): { start: Date; end: Date } {
  const when = parseWhen(value);
  const day = when.precision === 'instant' ? parseWhen(value.slice(0, 10)) : when;
  return { start: day.start, end: endOf(day) };
}

/**
 * True when `a` is certainly later than `b`: compared as instants when both are instants,
 * otherwise by the calendar periods they name (a day is not "after" a time on that same day).
 */
export function isAfter(a: string, b: string): boolean {
  const first = parseWhen(a);
  const second = parseWhen(b);
  if (first.precision === 'instant' && second.precision === 'instant') return first.start > second.start;
  return periodOf(a).start > periodOf(b).end;
}

/** True when the runtime knows `name` as a time zone (an IANA name such as 'Asia/Bangkok'). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Minutes east of UTC in `timeZone` at the instant `at` (e.g. 420 in Bangkok), rounded to the
 * minute (historical local mean times had seconds). Uses the runtime's zone data, never the build
 * machine's TZ, and loads no date-fns (see the top of this file).
 */
export function offsetMinutes(timeZone: string, at: Date): number {
  let formatter = zoneFormats.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormats.set(timeZone, formatter);
  }
  const part: Record<string, string> = {};
  for (const { type, value } of formatter.formatToParts(at)) part[type] = value;
  const year = part['era'] === 'BC' || part['era'] === 'B' ? 1 - Number(part['year']) : Number(part['year']);
  const local = utcFields(
    year,
    +part['month']!,
    +part['day']!,
    +part['hour']!,
    +part['minute']!,
    +part['second']!,
  );
  const whole = at.getTime() - (((at.getTime() % 1000) + 1000) % 1000);
  return Math.round((local - whole) / 60_000);
}

/** `+07:00`, `-03:30`, `+00:00`: an offset as HTML `datetime` and ISO 8601 write it. */
export function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The instants at which the clocks of `timeZone` show `time` ('HH:MM') on `date` ('YYYY-MM-DD'),
 * earliest first: usually one; none when the clocks jump over it (a spring-forward gap); two when
 * they show it twice (the hour repeated when they go back).
 */
export function localInstants(date: string, time: string, timeZone: string): Date[] {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const wall = utcFields(year, month, day, hours, minutes, 0);
  const DAY_MS = 86_400_000;
  const offsets = new Set(
    [-DAY_MS, 0, DAY_MS].map((shift) => offsetMinutes(timeZone, new Date(wall + shift))),
  );
  const found = new Set<number>();
  for (const offset of offsets) {
    const candidate = wall - offset * 60_000;
    if (offsetMinutes(timeZone, new Date(candidate)) === offset) found.add(candidate);
  }
  return [...found].sort((a, b) => a - b).map((ms) => new Date(ms));
}

/** Milliseconds since the epoch of a UTC wall time; years 0-99 stay those years (Date.UTC would add 1900). */
function utcFields(
  year: number,
  month: number,
  day: number,
  hours: number,
  minutes: number,
  seconds: number,
) {
  const date = new Date(Date.UTC(2000, month - 1, day, hours, minutes, seconds));
  date.setUTCFullYear(year);
  return date.getTime();
}
