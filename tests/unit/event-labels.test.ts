import { describe, expect, it } from 'vitest';
import { parseWhen } from '../../src/lib/dates.ts';
import * as labels from '../../src/lib/event-labels.ts';
import { distanceFromMain, eventDateLabel, groupLabel } from '../../src/lib/event-labels.ts';
import { groupByMonth, orderEvents } from '../../src/lib/timeline.ts';

const dated = (iso: string) => ({ when: parseWhen(iso), anchorWhen: parseWhen(iso) });
const relative = (anchor: string, sameDay = false) => ({ anchorWhen: parseWhen(anchor), sameDay });

/** The wording for an undated event: says "later", names the anchor's date, admits there is no date. */
function expectUndatedLater(text: string, anchorText: string) {
  expect(text).toMatch(/^Later\b/);
  expect(text).toContain(anchorText);
  expect(text).toMatch(/no date/);
}

describe('eventDateLabel', () => {
  it.each([
    ['2025-08-18', 'August 18, 2025'],
    ['2025-08', 'August 2025'],
    ['2025', '2025'],
  ])('labels a dated event %s as "%s", with exactly that datetime', (iso, text) => {
    expect(eventDateLabel(dated(iso), 'Europe/London')).toEqual({ text, datetime: iso });
  });

  it('reads calendar dates in UTC whatever the display zone', () => {
    expect(eventDateLabel(dated('2025-09-04'), 'America/Los_Angeles').text).toBe('September 4, 2025');
    expect(eventDateLabel(dated('2025-09-04'), 'Pacific/Kiritimati').text).toBe('September 4, 2025');
  });

  it('shows an instant in the given zone and keeps the written value as datetime', () => {
    const label = eventDateLabel(dated('2025-09-04T14:30:00+02:00'), 'Europe/London');
    expect(label).toEqual({
      text: 'September 4, 2025, 1:30 p.m. London time',
      datetime: '2025-09-04T14:30:00+02:00',
    });
  });

  it('prefers the event’s own date even when it is marked sameDay', () => {
    const label = eventDateLabel({ ...dated('2025-08-20'), sameDay: true }, 'UTC');
    expect(label).toEqual({ text: 'August 20, 2025', datetime: '2025-08-20' });
  });

  it('labels an undated sameDay event with its anchor’s day, as a day-precision datetime', () => {
    const label = eventDateLabel(relative('2025-09-04', true), 'Europe/London');
    expect(label.datetime).toBe('2025-09-04');
    expect(label.text).toMatch(/^Later\b/);
    expect(label.text).toContain('September 4, 2025');
  });

  it('labels an undated event without sameDay as later, with no datetime and no invented day', () => {
    const label = eventDateLabel(relative('2025-08-22'), 'Europe/London');
    expect(label.datetime).toBeUndefined();
    expectUndatedLater(label.text, 'August 22, 2025');
  });

  it.each([
    ['2025-08', 'August 2025'],
    ['2025', '2025'],
  ])('does not claim a day for a sameDay event whose anchor is only dated %s', (iso, anchorText) => {
    const label = eventDateLabel(relative(iso, true), 'UTC');
    expect(label.datetime).toBeUndefined();
    expectUndatedLater(label.text, anchorText);
    expect(label.text).not.toMatch(/(January|August) \d{1,2},/);
  });

  it('labels the events of a real ordering: dated, relative and sameDay', () => {
    const ordered = orderEvents([
      { id: 'rutte', date: '2025-08-22' },
      { id: 'rubio', after: 'rutte' },
      { id: 'meeting', date: '2025-09-04' },
      { id: 'call', after: 'meeting', sameDay: true, planned: true },
    ]);
    const result = ordered.map((event) => eventDateLabel(event, 'Europe/London'));
    expect(result.map((label) => label.datetime)).toEqual([
      '2025-08-22',
      undefined,
      '2025-09-04',
      '2025-09-04',
    ]);
    expect(result[0]!.text).toBe('August 22, 2025');
    expectUndatedLater(result[1]!.text, 'August 22, 2025');
    expect(result[2]!.text).toBe('September 4, 2025');
    expect(result[3]!.text).toMatch(/^Later\b.*September 4, 2025/);
  });

  it('adds a local clock time in its own zone, as an instant datetime with that zone’s offset', () => {
    const label = eventDateLabel(
      { ...dated('2025-09-04'), time: '14:30', timeZone: 'Europe/Paris' },
      'Europe/London',
    );
    // 14:30 in Paris in September is UTC+2; the text is in the event's zone, not the display zone.
    expect(label).toEqual({
      text: 'September 4, 2025, 2:30 p.m. Paris time',
      datetime: '2025-09-04T14:30+02:00',
    });
  });

  it('shows the time the issue reported as "18:40 (Asia/Bangkok time)" as readers expect it', () => {
    const label = eventDateLabel(
      { ...dated('2025-03-28'), time: '18:40', timeZone: 'Asia/Bangkok' },
      'Europe/London',
    );
    expect(label).toEqual({
      text: 'March 28, 2025, 6:40 p.m. Bangkok time',
      datetime: '2025-03-28T18:40+07:00',
    });
  });

  it('says "about" for an approximate time, and keeps the time the source gives as datetime', () => {
    const event = { ...dated('2025-03-28'), time: '18:40', timeZone: 'Asia/Bangkok', approximate: true };
    expect(eventDateLabel(event, 'UTC')).toEqual({
      text: 'March 28, 2025, about 6:40 p.m. Bangkok time',
      datetime: '2025-03-28T18:40+07:00',
    });
  });

  it.each([
    ['morning', 'September 4, 2025, in the morning'],
    ['afternoon', 'September 4, 2025, in the afternoon'],
    ['evening', 'September 4, 2025, in the evening'],
    ['night', 'September 4, 2025, at night'],
    ['overnight', 'September 4, 2025, overnight'],
  ] as const)('words a timeOfDay of %s as "%s", with the date alone as datetime', (timeOfDay, text) => {
    const label = eventDateLabel({ ...dated('2025-09-04'), timeOfDay }, 'Asia/Bangkok');
    expect(label).toEqual({ text, datetime: '2025-09-04' });
    // No clock time is made up for a part of the day.
    expect(label.text).not.toMatch(/\d:\d|a\.m\.|p\.m\./);
  });

  it('words a timeOfDay of a sameDay event after its anchor’s day', () => {
    const label = eventDateLabel({ ...relative('2025-09-04', true), timeOfDay: 'evening' }, 'UTC');
    expect(label).toEqual({ text: 'Later on September 4, 2025, in the evening', datetime: '2025-09-04' });
  });

  it('claims no part of a day it does not know', () => {
    expect(eventDateLabel({ ...relative('2025-09-04'), timeOfDay: 'evening' }, 'UTC').text).not.toContain(
      'evening',
    );
    expect(eventDateLabel({ ...dated('2025-09'), timeOfDay: 'evening' }, 'UTC').text).toBe('September 2025');
  });

  it('uses the offset in force on that day (winter time)', () => {
    const label = eventDateLabel(
      { ...dated('2025-01-15'), time: '09:05', timeZone: 'America/New_York' },
      'UTC',
    );
    expect(label.datetime).toBe('2025-01-15T09:05-05:00');
    // Underscores of IANA names are not shown to readers.
    expect(label.text).toBe('January 15, 2025, 9:05 a.m. New York time');
  });

  it('uses the summer offset in summer, for the same zone name', () => {
    const label = eventDateLabel(
      { ...dated('2025-07-15'), time: '09:05', timeZone: 'America/New_York' },
      'UTC',
    );
    expect(label).toEqual({
      text: 'July 15, 2025, 9:05 a.m. New York time',
      datetime: '2025-07-15T09:05-04:00',
    });
  });

  it('takes the first of the two times the clocks show when they go back', () => {
    const label = eventDateLabel({ ...dated('2025-10-26'), time: '01:30', timeZone: 'Europe/London' }, 'UTC');
    expect(label).toEqual({
      text: 'October 26, 2025, 1:30 a.m. London time',
      datetime: '2025-10-26T01:30+01:00',
    });
  });
});

describe('knownDay', () => {
  const { knownDay } = labels;

  it('is the event’s own day, or its anchor’s day for sameDay events', () => {
    expect(knownDay(dated('2025-08-18'))).toBe('2025-08-18');
    expect(knownDay(relative('2025-09-04', true))).toBe('2025-09-04');
  });

  it('is undefined for coarse dates and for plain relative events', () => {
    expect(knownDay(dated('2025-08'))).toBeUndefined();
    expect(knownDay(dated('2025'))).toBeUndefined();
    expect(knownDay(relative('2025-09-04'))).toBeUndefined();
    expect(knownDay(relative('2025-09', true))).toBeUndefined();
  });
});

describe('distanceLabel', () => {
  const { distanceLabel } = labels;

  it('counts calendar days before and after the main event', () => {
    expect(distanceLabel(dated('2025-08-18'), '2025-09-04')).toBe('17 days before');
    expect(distanceLabel(dated('2025-09-03'), '2025-09-04')).toBe('1 day before');
    expect(distanceLabel(dated('2025-09-05'), '2025-09-04')).toBe('1 day after');
    expect(distanceLabel(dated('2025-09-14'), '2025-09-04')).toBe('10 days after');
  });

  it('says "Same day" for the main event’s day, including sameDay followers', () => {
    expect(distanceLabel(dated('2025-09-04'), '2025-09-04')).toBe('Same day');
    expect(distanceLabel(relative('2025-09-04', true), '2025-09-04')).toBe('Same day');
  });

  it('phrases a distance on its own, "Same day" included', () => {
    expect(distanceFromMain('17 days before')).toBe('17 days before the main event');
    expect(distanceFromMain('1 day after')).toBe('1 day after the main event');
    expect(distanceFromMain('Same day')).toBe('Same day as the main event');
  });

  it('counts across a daylight-saving change and a month end without drifting', () => {
    expect(distanceLabel(dated('2025-03-29'), '2025-04-02')).toBe('4 days before');
    expect(distanceLabel(dated('2025-10-25'), '2025-10-27')).toBe('2 days before');
  });

  it('says nothing when either side has no day', () => {
    expect(distanceLabel(dated('2025-08'), '2025-09-04')).toBeUndefined();
    expect(distanceLabel(relative('2025-08-22'), '2025-09-04')).toBeUndefined();
    expect(distanceLabel(dated('2025-08-18'), undefined)).toBeUndefined();
  });
});

describe('groupLabel', () => {
  it('names month groups by month and year groups by year', () => {
    expect(groupLabel('2025-08')).toBe('August 2025');
    expect(groupLabel('2025-01')).toBe('January 2025');
    expect(groupLabel('2024')).toBe('2024');
  });

  it('labels every key groupByMonth produces', () => {
    const groups = groupByMonth(
      orderEvents([
        { id: 'a', date: '2024' },
        { id: 'b', date: '2025-08-18' },
        { id: 'c', date: '2025-12' },
      ]),
    );
    expect(groups.map((group) => groupLabel(group.key))).toEqual(['2024', 'August 2025', 'December 2025']);
  });
});
