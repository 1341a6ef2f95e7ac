import { describe, expect, it } from 'vitest';
import {
  groupByMonth,
  groupKey,
  mergeTimelines,
  orderEvents,
  timelineProblems,
  type EventTiming,
} from '../../src/lib/timeline.ts';
import { parseWhen } from '../../src/lib/dates.ts';

const PUBLISHED = '2025-09-04';

/** Ids in the order given. */
const ids = (events: readonly { id: string }[]) => events.map((event) => event.id);

/** Problems as `field@index` strings, for compact assertions. */
const where = (events: readonly EventTiming[], published = PUBLISHED) =>
  timelineProblems(events, published).map((problem) => `${problem.field}@${problem.index}`);

describe('timelineProblems', () => {
  it('accepts a consistent list, including planned future events and relative events', () => {
    const events: EventTiming[] = [
      { id: 'talks', date: '2025-08-18' },
      { id: 'visit', date: '2025-08' },
      { id: 'later', after: 'visit' },
      { id: 'meeting', date: '2025-09-04', main: true },
      { id: 'call', after: 'meeting', sameDay: true, planned: true },
      { id: 'summit', date: '2025-10-01', planned: true },
    ];
    expect(timelineProblems(events, PUBLISHED)).toEqual([]);
  });

  it('accepts an empty list', () => {
    expect(timelineProblems([], PUBLISHED)).toEqual([]);
  });

  it('reports a duplicate id at the second occurrence and points back at the first', () => {
    const problems = timelineProblems(
      [
        { id: 'a', date: '2025-08-01' },
        { id: 'b', date: '2025-08-02' },
        { id: 'a', date: '2025-08-03' },
      ],
      PUBLISHED,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ index: 2, eventId: 'a', field: 'id' });
    expect(problems[0]!.problem).toBe('duplicate event id "a" (also timeline[0])');
    expect(problems[0]!.fix).toBe('give each event its own id');
  });

  it('reports every repeat of an id, not just the first repeat', () => {
    expect(
      where([
        { id: 'a', date: '2025-08-01' },
        { id: 'a', date: '2025-08-02' },
        { id: 'a', date: '2025-08-03' },
      ]),
    ).toEqual(['id@1', 'id@2']);
  });

  it('reports an `after` that names no event of the article', () => {
    const problems = timelineProblems(
      [
        { id: 'a', date: '2025-08-01' },
        { id: 'b', after: 'missing' },
      ],
      PUBLISHED,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ index: 1, eventId: 'b', field: 'after' });
    expect(problems[0]!.problem).toBe(
      'event "b" is placed after "missing", which is not an event of this article',
    );
    expect(problems[0]!.fix).toBe('use the id of an event above it');
  });

  it('reports an event placed after itself', () => {
    const problems = timelineProblems(
      [
        { id: 'a', date: '2025-08-01' },
        { id: 'self', after: 'self' },
      ],
      PUBLISHED,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ index: 1, eventId: 'self', field: 'after' });
    expect(problems[0]!.problem).toBe('event "self": the "after" links form a loop');
    expect(problems[0]!.fix).toBe('give one of these events its "date"');
  });

  it('reports each event of a longer `after` loop', () => {
    expect(
      where([
        { id: 'dated', date: '2025-08-01' },
        { id: 'x', after: 'y' },
        { id: 'y', after: 'z' },
        { id: 'z', after: 'x' },
      ]),
    ).toEqual(['after@1', 'after@2', 'after@3']);
  });

  it('does not call a chain of relative events ending at a dated event a loop', () => {
    expect(
      where([
        { id: 'c', after: 'b' },
        { id: 'b', after: 'a' },
        { id: 'a', date: '2025-08-01' },
      ]),
    ).toEqual([]);
  });

  it('reports a dated event after publication unless it is planned', () => {
    const problems = timelineProblems(
      [
        { id: 'before', date: '2025-09-03' },
        { id: 'same-day', date: '2025-09-04' },
        { id: 'future', date: '2025-09-05' },
        { id: 'announced', date: '2025-09-05', planned: true },
      ],
      PUBLISHED,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ index: 2, eventId: 'future', field: 'date' });
    expect(problems[0]!.problem).toBe(
      `event "future" is dated 2025-09-05, after the article's publication (${PUBLISHED})`,
    );
    expect(problems[0]!.fix).toBe('mark it "planned: true" or correct the date');
  });

  it('compares coarse dates by the start of their period', () => {
    // September 2025 starts before the 4th: not after publication. October does.
    expect(where([{ id: 'month', date: '2025-09' }])).toEqual([]);
    expect(where([{ id: 'next-month', date: '2025-10' }])).toEqual(['date@0']);
    expect(where([{ id: 'next-year', date: '2026' }])).toEqual(['date@0']);
  });

  it('accepts an instant as the publication date', () => {
    expect(where([{ id: 'same-day', date: '2025-09-04' }], '2025-09-04T14:30:00+02:00')).toEqual([]);
    expect(where([{ id: 'next-day', date: '2025-09-05' }], '2025-09-04T14:30:00+02:00')).toEqual(['date@0']);
  });

  it('reports a second main event, naming the first', () => {
    const problems = timelineProblems(
      [
        { id: 'first', date: '2025-08-01', main: true },
        { id: 'plain', date: '2025-08-02' },
        { id: 'second', date: '2025-08-03', main: true },
      ],
      PUBLISHED,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ index: 2, eventId: 'second', field: 'main' });
    expect(problems[0]!.problem).toBe('only one event can be the main event; "first" already is');
  });

  it('treats main: false as not main', () => {
    expect(
      where([
        { id: 'a', date: '2025-08-01', main: true },
        { id: 'b', date: '2025-08-02', main: false },
      ]),
    ).toEqual([]);
  });

  it('reports several problems at once, each at its own index', () => {
    expect(
      where([
        { id: 'a', date: '2025-08-01', main: true },
        { id: 'a', date: '2025-08-02' },
        { id: 'b', after: 'nowhere' },
        { id: 'c', date: '2025-12-01', main: true },
      ]).sort(),
    ).toEqual(['after@2', 'date@3', 'id@1', 'main@3']);
  });
});

describe('orderEvents', () => {
  it('orders dated events by date, not by the editor’s order', () => {
    const ordered = orderEvents([
      { id: 'c', date: '2025-09-04' },
      { id: 'a', date: '2024-12-31' },
      { id: 'b', date: '2025-08-18' },
    ]);
    expect(ids(ordered)).toEqual(['a', 'b', 'c']);
  });

  it('orders mixed precisions by the start of each period', () => {
    const ordered = orderEvents([
      { id: 'aug-18', date: '2025-08-18' },
      { id: 'year-2024', date: '2024' },
      { id: 'aug', date: '2025-08' },
      { id: 'jul-31', date: '2025-07-31' },
      { id: 'sep', date: '2025-09' },
    ]);
    expect(ids(ordered)).toEqual(['year-2024', 'jul-31', 'aug', 'aug-18', 'sep']);
  });

  it('puts the coarser precision first when periods start together, so groups stay whole', () => {
    const ordered = orderEvents([
      { id: 'year', date: '2025' },
      { id: 'month', date: '2025-01' },
      { id: 'day', date: '2025-01-01' },
    ]);
    expect(ids(ordered)).toEqual(['year', 'month', 'day']);
  });

  it('keeps the editor’s order for events on the same date at the same precision', () => {
    const ordered = orderEvents([
      { id: 'second-b', date: '2025-08-19' },
      { id: 'first', date: '2025-08-18' },
      { id: 'second-a', date: '2025-08-19' },
      { id: 'second-c', date: '2025-08-19' },
    ]);
    expect(ids(ordered)).toEqual(['first', 'second-b', 'second-a', 'second-c']);
  });

  it('places a relative event directly after its anchor, before later dated events', () => {
    const ordered = orderEvents([
      { id: 'rutte', date: '2025-08-22' },
      { id: 'rubio', after: 'rutte' },
      { id: 'talks', date: '2025-08-18' },
      { id: 'vance', date: '2025-08-24' },
    ]);
    expect(ids(ordered)).toEqual(['talks', 'rutte', 'rubio', 'vance']);
  });

  it('places a relative event after its anchor even when it is listed first', () => {
    const ordered = orderEvents([
      { id: 'later', after: 'anchor' },
      { id: 'anchor', date: '2025-08-22' },
    ]);
    expect(ids(ordered)).toEqual(['anchor', 'later']);
  });

  it('places several followers of one anchor in the editor’s order', () => {
    const ordered = orderEvents([
      { id: 'x', after: 'anchor' },
      { id: 'anchor', date: '2025-08-22' },
      { id: 'next-day', date: '2025-08-23' },
      { id: 'y', after: 'anchor' },
      { id: 'z', after: 'anchor' },
    ]);
    expect(ids(ordered)).toEqual(['anchor', 'x', 'y', 'z', 'next-day']);
  });

  it('follows chains of relative events, each right after the one it names', () => {
    const ordered = orderEvents([
      { id: 'c', after: 'b' },
      { id: 'other', after: 'a' },
      { id: 'b', after: 'a' },
      { id: 'a', date: '2025-08-01' },
      { id: 'end', date: '2025-08-02' },
    ]);
    // `c` follows `b`, which follows `a`; `other` also follows `a` and comes first in the list.
    expect(ids(ordered)).toEqual(['a', 'other', 'b', 'c', 'end']);
  });

  it('gives relative events their anchor’s date to group by, and no date of their own', () => {
    const ordered = orderEvents([
      { id: 'a', date: '2025-08-22' },
      { id: 'b', after: 'a' },
      { id: 'c', after: 'b', sameDay: true },
    ]);
    const [a, b, c] = ordered;
    expect(a!.when?.iso).toBe('2025-08-22');
    expect(a!.anchorWhen.iso).toBe('2025-08-22');
    expect(b!.when).toBeUndefined();
    expect(b!.anchorWhen).toEqual(parseWhen('2025-08-22'));
    expect(c!.when).toBeUndefined();
    expect(c!.anchorWhen.iso).toBe('2025-08-22');
    expect('when' in b!).toBe(false);
  });

  it('keeps every field of the input events and does not mutate them', () => {
    const input = [
      { id: 'b', after: 'a', title: 'Later', planned: true },
      { id: 'a', date: '2025-08-22', title: 'First', main: true },
    ] as const;
    const copy = structuredClone(input);
    const ordered = orderEvents(input);
    expect(ordered[0]).toMatchObject({ id: 'a', title: 'First', main: true });
    expect(ordered[1]).toMatchObject({ id: 'b', title: 'Later', planned: true, after: 'a' });
    expect(input).toEqual(copy);
  });

  it('returns each event exactly once', () => {
    const events: EventTiming[] = [
      { id: 'a', date: '2025-08-01' },
      { id: 'b', after: 'a' },
      { id: 'c', date: '2025-07' },
      { id: 'd', after: 'c' },
      { id: 'e', after: 'd' },
    ];
    const ordered = orderEvents(events);
    expect(ids(ordered).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(ids(ordered)).toEqual(['c', 'd', 'e', 'a', 'b']);
  });

  it('returns an empty list for no events', () => {
    expect(orderEvents([])).toEqual([]);
  });
});

describe('groupKey', () => {
  it('groups days and months by month, years by year', () => {
    expect(groupKey(parseWhen('2025-08-18'))).toBe('2025-08');
    expect(groupKey(parseWhen('2025-08'))).toBe('2025-08');
    expect(groupKey(parseWhen('2025'))).toBe('2025');
  });
});

describe('groupByMonth', () => {
  it('groups consecutive events by month, in order, with relative events in their anchor’s month', () => {
    const groups = groupByMonth(
      orderEvents([
        { id: 'sep-4', date: '2025-09-04' },
        { id: 'aug-22', date: '2025-08-22' },
        { id: 'after-aug-31', after: 'aug-31' },
        { id: 'aug-31', date: '2025-08-31' },
        { id: 'aug', date: '2025-08' },
        { id: 'sep-3', date: '2025-09-03' },
      ]),
    );
    expect(groups.map((group) => group.key)).toEqual(['2025-08', '2025-09']);
    expect(ids(groups[0]!.events)).toEqual(['aug', 'aug-22', 'aug-31', 'after-aug-31']);
    expect(ids(groups[1]!.events)).toEqual(['sep-3', 'sep-4']);
  });

  it('gives a year-precision event its own group', () => {
    const groups = groupByMonth(
      orderEvents([
        { id: 'aug', date: '2025-08-01' },
        { id: 'year', date: '2024' },
      ]),
    );
    expect(groups.map((group) => group.key)).toEqual(['2024', '2025-08']);
    expect(ids(groups[0]!.events)).toEqual(['year']);
  });

  it('starts a new group for every change of month, even across years', () => {
    const groups = groupByMonth(
      orderEvents([
        { id: 'a', date: '2024-08-01' },
        { id: 'b', date: '2025-08-01' },
        { id: 'c', date: '2025-09-01' },
      ]),
    );
    expect(groups.map((group) => group.key)).toEqual(['2024-08', '2025-08', '2025-09']);
  });

  it('returns no groups for no events', () => {
    expect(groupByMonth([])).toEqual([]);
  });

  // Known issue (see report): a year-precision event ties with January 1 and sorts after
  // January's month-precision events, splitting January into two groups with the same heading.
  it('never produces two groups with the same key (year event among January events)', () => {
    const groups = groupByMonth(
      orderEvents([
        { id: 'year', date: '2025' },
        { id: 'january', date: '2025-01' },
        { id: 'jan-15', date: '2025-01-15' },
      ]),
    );
    const keys = groups.map((group) => group.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('mergeTimelines', () => {
  /** An article's ordered timeline, each event tagged with the article. */
  const article = (name: string, events: EventTiming[]) =>
    orderEvents(events).map((event) => ({ ...event, article: name }));

  it('sorts events from several articles by date', () => {
    const merged = mergeTimelines([
      article('new', [
        { id: 'c', date: '2025-09-04' },
        { id: 'a', date: '2025-08-01' },
      ]),
      article('old', [{ id: 'b', date: '2025-08-15' }]),
    ]);
    expect(merged.map(({ event }) => event.id)).toEqual(['a', 'b', 'c']);
  });

  it('joins events that share an id, keeping the first list’s version and every version in list order', () => {
    const merged = mergeTimelines([
      article('newest', [{ id: 'paris-meeting', date: '2025-09-04' }]),
      article('older', [
        { id: 'talks', date: '2025-08-18' },
        { id: 'paris-meeting', date: '2025-09-04' },
      ]),
    ]);
    expect(merged.map(({ event }) => event.id)).toEqual(['talks', 'paris-meeting']);
    const paris = merged[1]!;
    expect(paris.event.article).toBe('newest');
    expect(paris.versions.map((version) => version.article)).toEqual(['newest', 'older']);
    expect(merged[0]!.versions).toHaveLength(1);
  });

  it('keeps undated events right after their anchors', () => {
    const merged = mergeTimelines([
      article('one', [
        { id: 'rutte', date: '2025-08-22' },
        { id: 'rubio', after: 'rutte' },
        { id: 'vance', date: '2025-08-24' },
      ]),
      article('two', [
        { id: 'x', date: '2025-08-23' },
        { id: 'y', after: 'x' },
        { id: 'z', date: '2025-08-22' },
      ]),
    ]);
    expect(merged.map(({ event }) => event.id)).toEqual(['rutte', 'rubio', 'z', 'x', 'y', 'vance']);
  });

  it('puts coarser precision first on ties, as orderEvents does', () => {
    const merged = mergeTimelines([
      article('one', [{ id: 'august', date: '2025-08' }]),
      article('two', [{ id: 'first', date: '2025-08-01' }]),
    ]);
    expect(merged.map(({ event }) => event.id)).toEqual(['august', 'first']);
  });

  it('returns nothing for no lists or empty lists', () => {
    expect(mergeTimelines([])).toEqual([]);
    expect(mergeTimelines([[], []])).toEqual([]);
  });
});
