import { describe, expect, it } from 'vitest';
import { calendarDay, daysBetween, formatWhen } from '../../src/lib/date-format.ts';
import { parseWhen } from '../../src/lib/dates.ts';

describe('parseWhen', () => {
  it('keeps the precision the editor wrote', () => {
    expect(parseWhen('2025').precision).toBe('year');
    expect(parseWhen('2025-08').precision).toBe('month');
    expect(parseWhen('2025-08-18').precision).toBe('day');
    expect(parseWhen('2025-09-04T14:30:00+02:00').precision).toBe('instant');
  });

  it('refuses impossible calendar dates instead of rolling them over', () => {
    expect(() => parseWhen('2025-02-30')).toThrow(/not a real calendar date/);
    expect(() => parseWhen('2025-13')).toThrow(/not a date/);
    expect(parseWhen('2024-02-29').start.toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('refuses instants without an offset', () => {
    expect(() => parseWhen('2025-09-04T14:30:00')).toThrow(/not a date/);
  });
});

describe('formatWhen', () => {
  it('prints a calendar date as that day, whatever the zone', () => {
    expect(formatWhen('2025-09-04', 'America/Los_Angeles')).toBe('September 4, 2025');
    expect(formatWhen('2025-09-04', 'Pacific/Kiritimati')).toBe('September 4, 2025');
  });

  it('prints coarser dates without inventing a day', () => {
    expect(formatWhen('2025-08', 'UTC')).toBe('August 2025');
    expect(formatWhen('2025', 'UTC')).toBe('2025');
  });

  it('prints instants in the given zone with the zone’s name', () => {
    expect(formatWhen('2025-09-04T14:30:00+02:00', 'Europe/London')).toBe(
      'September 4, 2025, 1:30 p.m. London time',
    );
    expect(formatWhen('2025-01-04T12:00:00Z', 'Europe/London')).toBe('January 4, 2025, noon London time');
  });
});

describe('calendarDay and daysBetween', () => {
  it('puts an instant on the day it falls in the zone', () => {
    expect(calendarDay('2025-09-04T23:30:00Z', 'Europe/Kyiv')).toBe('2025-09-05');
    expect(calendarDay('2025-09', 'UTC')).toBeUndefined();
  });

  it('counts calendar days, negative for earlier dates', () => {
    expect(daysBetween('2025-09-04', '2025-08-18', 'UTC')).toBe(-17);
    expect(daysBetween('2025-08-18', '2025-09-04', 'UTC')).toBe(17);
    expect(daysBetween('2025-08', '2025-09-04', 'UTC')).toBeUndefined();
  });
});
