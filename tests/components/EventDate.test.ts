/**
 * <EventDate> with labels made by the real `eventDateLabel`: a clock time in the event's zone
 * with the offset in `datetime`; a part of the day in words with the date alone in `datetime`.
 */
import { describe, expect, it } from 'vitest';
import EventDate from '../../src/components/EventDate.astro';
import { parseWhen } from '../../src/lib/dates.ts';
import { eventDateLabel } from '../../src/lib/event-labels.ts';
import { render, textOf } from '../helpers/render.ts';

type Event = Parameters<typeof eventDateLabel>[0];
const on = (date: string, extra: Partial<Event> = {}): Event => ({
  when: parseWhen(date),
  anchorWhen: parseWhen(date),
  ...extra,
});

async function rendered(event: Event) {
  const root = await render(EventDate, { label: eventDateLabel(event, 'Europe/London') });
  return { root, time: root.querySelector('time') };
}

describe('EventDate', () => {
  it('shows a clock time as readers expect it, with the offset in datetime', async () => {
    const { time } = await rendered(on('2025-03-28', { time: '18:40', timeZone: 'Asia/Bangkok' }));
    expect(time?.getAttribute('datetime')).toBe('2025-03-28T18:40+07:00');
    expect(textOf(time)).toBe('March 28, 2025, 6:40 p.m. Bangkok time');
  });

  it('says "about" for an approximate time', async () => {
    const { time } = await rendered(
      on('2025-03-28', { time: '18:40', timeZone: 'Asia/Bangkok', approximate: true }),
    );
    expect(textOf(time)).toBe('March 28, 2025, about 6:40 p.m. Bangkok time');
  });

  it('uses the offset of the day, summer or winter', async () => {
    const summer = await rendered(on('2025-07-01', { time: '09:00', timeZone: 'Europe/London' }));
    const winter = await rendered(on('2025-01-01', { time: '09:00', timeZone: 'Europe/London' }));
    expect(summer.time?.getAttribute('datetime')).toBe('2025-07-01T09:00+01:00');
    expect(winter.time?.getAttribute('datetime')).toBe('2025-01-01T09:00+00:00');
    expect(textOf(summer.time)).toBe('July 1, 2025, 9 a.m. London time');
  });

  it.each(['morning', 'afternoon', 'evening', 'night', 'overnight'] as const)(
    'words a %s without a clock time, with the date alone in datetime',
    async (timeOfDay) => {
      const { time } = await rendered(on('2025-09-04', { timeOfDay }));
      expect(time?.getAttribute('datetime')).toBe('2025-09-04');
      expect(textOf(time)).toMatch(new RegExp(`^September 4, 2025, (in the |at )?${timeOfDay}$`));
    },
  );

  it('shows a date alone with no time at all', async () => {
    const { time } = await rendered(on('2025-09-04'));
    expect(time?.getAttribute('datetime')).toBe('2025-09-04');
    expect(textOf(time)).toBe('September 4, 2025');
  });

  it('writes no <time> for an event the source does not date', async () => {
    const { root, time } = await rendered({ anchorWhen: parseWhen('2025-08-22') });
    expect(time).toBeNull();
    expect(textOf(root)).toMatch(/^Later, after August 22, 2025/);
  });
});
