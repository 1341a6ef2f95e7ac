/**
 * Timeline logic: ordering events dated at mixed precision or only relative to each other,
 * and the rules an event list must follow. Pure data in, pure data out.
 */
import { isAfter, parseWhen, type When } from './dates.ts';

/** The fields of a timeline event this module reads (a subset of the `timelineEvent` schema). */
export interface EventTiming {
  id: string;
  date?: string | undefined;
  after?: string | undefined;
  sameDay?: boolean | undefined;
  planned?: boolean | undefined;
  main?: boolean | undefined;
}

/** Tie-break for periods that start together: the coarser one first, so a month's events stay grouped. */
const PRECISION_RANK = { year: 0, month: 1, day: 2, instant: 2 } as const;

/** An event with its position resolved: its own date, or the dated event it is placed after. */
export type Placed<E extends EventTiming> = E & {
  /** The date to order and group by: the event's own, or its anchor's. */
  anchorWhen: When;
  /** The event's own date, when it has one. */
  when?: When;
};

export interface TimelineProblem {
  /** Index in the editor's list, for the error's field path. */
  index: number;
  eventId: string;
  field: string;
  problem: string;
  fix: string;
}

/** Finds every rule the list breaks; `published` is the article's publication date. */
export function timelineProblems(events: readonly EventTiming[], published: string): TimelineProblem[] {
  const problems: TimelineProblem[] = [];
  const ids = new Map<string, number>();
  events.forEach((event, index) => {
    const first = ids.get(event.id);
    if (first !== undefined) {
      problems.push({
        index,
        eventId: event.id,
        field: 'id',
        problem: `duplicate event id "${event.id}" (also timeline[${first}])`,
        fix: 'give each event its own id',
      });
    } else {
      ids.set(event.id, index);
    }
  });
  events.forEach((event, index) => {
    if (event.after !== undefined) {
      if (!ids.has(event.after)) {
        problems.push({
          index,
          eventId: event.id,
          field: 'after',
          problem: `event "${event.id}" is placed after "${event.after}", which is not an event of this article`,
          fix: 'use the id of an event above it',
        });
      } else if (anchorChain(events, event.id).cyclic) {
        problems.push({
          index,
          eventId: event.id,
          field: 'after',
          problem: `event "${event.id}": the "after" links form a loop`,
          fix: 'give one of these events its "date"',
        });
      }
    }
    if (event.date !== undefined && !event.planned && isAfter(event.date, published)) {
      problems.push({
        index,
        eventId: event.id,
        field: 'date',
        problem: `event "${event.id}" is dated ${event.date}, after the article's publication (${published})`,
        fix: 'mark it "planned: true" or correct the date',
      });
    }
  });
  const mains = events.filter((event) => event.main);
  if (mains.length > 1) {
    const index = events.indexOf(mains[1]!);
    problems.push({
      index,
      eventId: mains[1]!.id,
      field: 'main',
      problem: `only one event can be the main event; "${mains[0]!.id}" already is`,
      fix: 'remove "main: true" from one of them',
    });
  }
  return problems;
}

function anchorChain(events: readonly EventTiming[], id: string): { dated?: EventTiming; cyclic: boolean } {
  const byId = new Map(events.map((event) => [event.id, event]));
  const seen = new Set<string>();
  let current = byId.get(id);
  while (current && current.date === undefined) {
    if (seen.has(current.id)) return { cyclic: true };
    seen.add(current.id);
    current = current.after === undefined ? undefined : byId.get(current.after);
  }
  return current ? { dated: current, cyclic: false } : { cyclic: false };
}

/**
 * Orders events in time. Dated events sort by the start of their period, coarser precision first
 * on ties ("2025", then "January 2025", then "January 1, 2025", so a month's events stay together),
 * then in the editor's order. Each undated event follows
 * its `after` anchor directly, in the editor's order, so the source's sequence is kept without
 * inventing a day. Call only on a list without {@link timelineProblems}.
 */
export function orderEvents<E extends EventTiming>(events: readonly E[]): Placed<E>[] {
  const dated = events
    .map((event, index) => ({ event, index }))
    .filter(({ event }) => event.date !== undefined)
    .map(({ event, index }) => ({ event, index, when: parseWhen(event.date!) }))
    .sort(
      (a, b) =>
        a.when.start.getTime() - b.when.start.getTime() ||
        PRECISION_RANK[a.when.precision] - PRECISION_RANK[b.when.precision] ||
        a.index - b.index,
    );
  const followers = new Map<string, E[]>();
  for (const event of events) {
    if (event.after !== undefined) followers.set(event.after, [...(followers.get(event.after) ?? []), event]);
  }
  const ordered: Placed<E>[] = [];
  const place = (event: E, anchorWhen: When, when?: When) => {
    ordered.push(when ? { ...event, anchorWhen, when } : { ...event, anchorWhen });
    for (const follower of followers.get(event.id) ?? []) place(follower, anchorWhen);
  };
  for (const { event, when } of dated) place(event, when, when);
  return ordered;
}

/** The month heading an event is grouped under ('2025-08'), or its year when it is vaguer. */
export function groupKey(when: When): string {
  return when.precision === 'year' ? when.iso.slice(0, 4) : when.iso.slice(0, 7);
}

/** Consecutive runs of events sharing a {@link groupKey}. */
export function groupByMonth<E extends { anchorWhen: When }>(
  events: readonly E[],
): { key: string; events: E[] }[] {
  const groups: { key: string; events: E[] }[] = [];
  for (const event of events) {
    const key = groupKey(event.anchorWhen);
    const last = groups.at(-1);
    if (last?.key === key) last.events.push(event);
    else groups.push({ key, events: [event] });
  }
  return groups;
}

/** One event of the cross-article timeline, with every article that tells it. */
export interface MergedEvent<E> {
  /** The version from the first list that has it (pass the newest article first). */
  event: E;
  /** Every version, one per article, in list order. */
  versions: E[];
}

/**
 * Merges ordered per-article timelines into one, joining events that share an id. Keeps each
 * list's own order (so undated events stay after their anchors) and sorts across lists by date.
 */
export function mergeTimelines<E extends { id: string; anchorWhen: When }>(
  lists: readonly (readonly E[])[],
): MergedEvent<E>[] {
  const merged = new Map<string, MergedEvent<E> & { order: number }>();
  let order = 0;
  for (const list of lists) {
    for (const event of list) {
      const existing = merged.get(event.id);
      if (existing) existing.versions.push(event);
      else merged.set(event.id, { event, versions: [event], order: order++ });
    }
  }
  return [...merged.values()]
    .sort(
      (a, b) =>
        a.event.anchorWhen.start.getTime() - b.event.anchorWhen.start.getTime() ||
        PRECISION_RANK[a.event.anchorWhen.precision] - PRECISION_RANK[b.event.anchorWhen.precision] ||
        a.order - b.order,
    )
    .map(({ event, versions }) => ({ event, versions }));
}
