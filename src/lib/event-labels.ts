/** Reader-facing wording for when a timeline event happened, never more precise than the data. */
import { formatWhen, type When } from './dates';

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
  planned?: boolean | undefined;
}

export function eventDateLabel(event: LabelInput, timeZone: string): EventDateLabel {
  if (event.when) return { text: formatWhen(event.when.iso, timeZone), datetime: event.when.iso };
  if (event.sameDay && event.anchorWhen.precision !== 'year' && event.anchorWhen.precision !== 'month') {
    const day = event.anchorWhen.iso.slice(0, 10);
    return { text: `Later on ${formatWhen(day, 'UTC')}`, datetime: day };
  }
  return { text: `Later (after ${formatWhen(event.anchorWhen.iso, timeZone)}; the source gives no date)` };
}

/** "August 2025" for a group key from `groupKey`. */
export function groupLabel(key: string): string {
  return formatWhen(key, 'UTC');
}
