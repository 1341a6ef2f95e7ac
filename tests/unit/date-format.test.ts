/** Times as readers expect them: clock times, zone names, instants in a display zone, DST. */
import { describe, expect, it } from 'vitest';
import { clockTime, formatDay, formatWhen, localTime, zoneName } from '../../src/lib/date-format.ts';
import { isTimeZone, localInstants, offsetMinutes, offsetText } from '../../src/lib/dates.ts';

const iso = (dates: Date[]) => dates.map((date) => date.toISOString());

describe('clockTime', () => {
  it.each([
    [18, 40, '6:40 p.m.'],
    [6, 5, '6:05 a.m.'],
    [9, 0, '9 a.m.'],
    [21, 0, '9 p.m.'],
    [12, 0, 'noon'],
    [0, 0, 'midnight'],
    [12, 30, '12:30 p.m.'],
    [0, 15, '12:15 a.m.'],
    [23, 59, '11:59 p.m.'],
  ])('writes %i:%i as "%s"', (hours, minutes, text) => {
    expect(clockTime(hours, minutes)).toBe(text);
  });
});

describe('zoneName', () => {
  const at = new Date('2025-07-01T12:00:00Z');
  it.each([
    ['Asia/Bangkok', 'Bangkok time'],
    ['Europe/London', 'London time'],
    ['America/New_York', 'New York time'],
    ['America/Argentina/Buenos_Aires', 'Buenos Aires time'],
    ['UTC', 'UTC'],
    ['Etc/UTC', 'UTC'],
    ['Etc/GMT-7', 'UTC+7'],
    ['Etc/GMT+3', 'UTC-3'],
  ])('names %s "%s"', (zone, name) => {
    expect(zoneName(zone, at)).toBe(name);
  });

  it('names a zone the same in summer and winter (no BST/GMT switch)', () => {
    expect(zoneName('Europe/London', new Date('2025-01-15T12:00:00Z'))).toBe('London time');
  });
});

describe('formatWhen', () => {
  it('shows a calendar date at its precision, with no time, in every zone', () => {
    for (const zone of ['Europe/London', 'Asia/Bangkok', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
      expect(formatWhen('2025-09-04', zone)).toBe('September 4, 2025');
      expect(formatWhen('2025-09', zone)).toBe('September 2025');
      expect(formatWhen('2025', zone)).toBe('2025');
    }
  });

  it('shows an instant in the display zone with its clock time and the zone’s name', () => {
    const published = '2025-09-04T09:00:00+02:00';
    expect(formatWhen(published, 'Europe/Paris')).toBe('September 4, 2025, 9 a.m. Paris time');
    expect(formatWhen(published, 'Europe/London')).toBe('September 4, 2025, 8 a.m. London time');
    expect(formatWhen(published, 'Asia/Bangkok')).toBe('September 4, 2025, 2 p.m. Bangkok time');
    expect(formatWhen(published, 'UTC')).toBe('September 4, 2025, 7 a.m. UTC');
  });

  it('moves to the day the instant falls on in the display zone', () => {
    expect(formatWhen('2025-09-04T23:30:00Z', 'Asia/Bangkok')).toBe(
      'September 5, 2025, 6:30 a.m. Bangkok time',
    );
    expect(formatWhen('2025-09-04T02:00:00Z', 'America/Los_Angeles')).toBe(
      'September 3, 2025, 7 p.m. Los Angeles time',
    );
  });

  it('follows daylight saving time in the display zone', () => {
    expect(formatWhen('2025-01-15T12:00:00Z', 'Europe/London')).toBe('January 15, 2025, noon London time');
    expect(formatWhen('2025-07-15T12:00:00Z', 'Europe/London')).toBe('July 15, 2025, 1 p.m. London time');
    // Either side of the spring-forward jump on 30 March 2025 (01:00 UTC).
    expect(formatWhen('2025-03-30T00:59:00Z', 'Europe/London')).toBe(
      'March 30, 2025, 12:59 a.m. London time',
    );
    expect(formatWhen('2025-03-30T01:00:00Z', 'Europe/London')).toBe('March 30, 2025, 2 a.m. London time');
  });

  it('shows a half-hour zone and a midnight instant', () => {
    expect(formatWhen('2025-09-04T12:00:00Z', 'Asia/Kolkata')).toBe(
      'September 4, 2025, 5:30 p.m. Kolkata time',
    );
    expect(formatWhen('2025-09-04T00:00:00+07:00', 'Asia/Bangkok')).toBe(
      'September 4, 2025, midnight Bangkok time',
    );
  });
});

describe('formatDay', () => {
  it('gives the date alone: a calendar date as written, an instant’s day in the zone', () => {
    expect(formatDay('2025-09-04', 'Asia/Bangkok')).toBe('September 4, 2025');
    expect(formatDay('2025-09', 'Asia/Bangkok')).toBe('September 2025');
    expect(formatDay('2025-09-04T23:30:00Z', 'Asia/Bangkok')).toBe('September 5, 2025');
    expect(formatDay('2025-09-04T23:30:00Z', 'Europe/London')).toBe('September 5, 2025');
    expect(formatDay('2025-09-04T22:30:00Z', 'Europe/London')).toBe('September 4, 2025');
  });
});

describe('localTime', () => {
  it('gives the text in the event’s zone and a datetime with that zone’s offset on that day', () => {
    expect(localTime('2025-03-28', '18:40', 'Asia/Bangkok')).toEqual({
      text: 'March 28, 2025, 6:40 p.m. Bangkok time',
      datetime: '2025-03-28T18:40+07:00',
    });
    expect(localTime('2025-03-28', '18:40', 'Asia/Bangkok', true).text).toBe(
      'March 28, 2025, about 6:40 p.m. Bangkok time',
    );
    expect(localTime('2025-09-04', '12:00', 'Asia/Kathmandu').datetime).toBe('2025-09-04T12:00+05:45');
  });

  it('uses the offset of the day: winter and summer time', () => {
    expect(localTime('2025-03-29', '12:00', 'Europe/London').datetime).toBe('2025-03-29T12:00+00:00');
    expect(localTime('2025-03-30', '12:00', 'Europe/London').datetime).toBe('2025-03-30T12:00+01:00');
    expect(localTime('2025-03-30', '00:30', 'Europe/London').datetime).toBe('2025-03-30T00:30+00:00');
    expect(localTime('2025-03-30', '03:00', 'Europe/London').datetime).toBe('2025-03-30T03:00+01:00');
  });

  it('does not depend on the machine’s TZ', () => {
    const before = process.env['TZ'];
    try {
      process.env['TZ'] = 'America/Los_Angeles';
      expect(localTime('2025-09-04', '18:40', 'Asia/Bangkok').datetime).toBe('2025-09-04T18:40+07:00');
    } finally {
      if (before === undefined) delete process.env['TZ'];
      else process.env['TZ'] = before;
    }
  });
});

describe('localInstants', () => {
  it('finds one instant on an ordinary day', () => {
    expect(iso(localInstants('2025-09-04', '18:40', 'Asia/Bangkok'))).toEqual(['2025-09-04T11:40:00.000Z']);
  });

  it('finds none in the hour the clocks skip', () => {
    expect(localInstants('2025-03-30', '01:30', 'Europe/London')).toEqual([]);
    expect(localInstants('2025-03-09', '02:15', 'America/New_York')).toEqual([]);
    // Chile moved its clocks forward at midnight: 00:00 did not exist on 8 September 2024.
    expect(localInstants('2024-09-08', '00:00', 'America/Santiago')).toEqual([]);
  });

  it('finds both, earliest first, in the hour the clocks repeat', () => {
    expect(iso(localInstants('2025-10-26', '01:30', 'Europe/London'))).toEqual([
      '2025-10-26T00:30:00.000Z',
      '2025-10-26T01:30:00.000Z',
    ]);
  });
});

describe('offsets and zones', () => {
  it('reads the offset of a zone at an instant, rounded to the minute', () => {
    expect(offsetMinutes('Asia/Bangkok', new Date('2025-09-04T00:00:00Z'))).toBe(420);
    expect(offsetMinutes('America/St_Johns', new Date('2025-01-04T00:00:00Z'))).toBe(-210);
    expect(offsetMinutes('Europe/London', new Date('2025-07-01T00:00:00Z'))).toBe(60);
  });

  it('writes offsets as ±HH:MM', () => {
    expect([420, -210, 0, 345].map(offsetText)).toEqual(['+07:00', '-03:30', '+00:00', '+05:45']);
  });

  it('knows IANA names and refuses others', () => {
    expect(isTimeZone('Asia/Bangkok')).toBe(true);
    expect(isTimeZone('Bangkok')).toBe(false);
    expect(isTimeZone('Asia/Bankok')).toBe(false);
  });
});
