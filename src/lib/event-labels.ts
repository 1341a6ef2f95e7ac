/** Reader-facing wording for when a timeline event happened, never more precise than the data. */
import { daysBetween, formatWhen, localTime, TIME_OF_DAY_PHRASES } from './date-format.ts';
import type { TimeOfDay, When } from './dates.ts';

export interface EventDateLabel {
  /** Text to show. */
  text: string;
  /** `datetime` for a <time> element, or undefined when the event has no date of its own. */
  datetime?: string;
}

interface LabelInput {
  when?: When | undefined;
  anchorWhen: When;
  sameDay?: boolean | undefined;
  time?: string | undefined;
  timeZone?: string | undefined;
  /** With `time`: the source gives it as approximate ("about 6:40 p.m."). */
  approximate?: boolean | undefined;
  /** A vague part of the day, instead of a clock time. */
  timeOfDay?: TimeOfDay | undefined;
}

/** The day an event is known to fall on: its own, or its anchor's when it is "later the same day". */
export function knownDay(event: LabelInput): string | undefined {
  const source = event.when ?? (event.sameDay ? event.anchorWhen : undefined);
  return source && (source.precision === 'day' || source.precision === 'instant')
    ? source.iso.slice(0, 10)
    : undefined;
}

/**
 * The wording and `datetime` of an event's date. A clock time is shown in the event's own zone
 * ("September 4, 2025, 6:40 p.m. Bangkok time", datetime with that zone's offset); a part of the
 * day only as words ("September 4, 2025, in the evening"), its datetime the date alone. Other
 * dates at their precision; `timeZone` is the display zone for any instant.
 */
export function eventDateLabel(event: LabelInput, timeZone: string): EventDateLabel {
  const day = knownDay(event);
  const partOfDay = day && event.timeOfDay ? `, ${TIME_OF_DAY_PHRASES[event.timeOfDay]}` : '';
  if (event.when) {
    if (event.time && event.timeZone && event.when.precision === 'day') {
      return localTime(event.when.iso, event.time, event.timeZone, event.approximate === true);
    }
    return { text: `${formatWhen(event.when.iso, timeZone)}${partOfDay}`, datetime: event.when.iso };
  }
  if (day) return { text: `Later on ${formatWhen(day, 'UTC')}${partOfDay}`, datetime: day };
  return { text: `Later, after ${formatWhen(event.anchorWhen.iso, timeZone)} (the source gives no date)` };
}

/**
 * Distance from the main event in calendar days: "17 days before", "Same day", "2 days after".
 * Undefined when either side is known only to the month or year, or has no day at all.
 */
export function distanceLabel(event: LabelInput, mainDay: string | undefined): string | undefined {
  const day = knownDay(event);
  if (!day || !mainDay) return undefined;
  const days = daysBetween(mainDay, day, 'UTC')!;
  if (days === 0) return 'Same day';
  const count = `${Math.abs(days)} ${Math.abs(days) === 1 ? 'day' : 'days'}`;
  return days < 0 ? `${count} before` : `${count} after`;
}

/** The distance as a phrase on its own: "17 days before the main event", "Same day as the main event". */
export function distanceFromMain(distance: string): string {
  return distance === 'Same day' ? 'Same day as the main event' : `${distance} the main event`;
}

/** "August 2025" for a group key from `groupKey`. */
export function groupLabel(key: string): string {
  return formatWhen(key, 'UTC');
}
