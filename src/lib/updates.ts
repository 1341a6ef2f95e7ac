/**
 * Updates and corrections after publication. `updated` is a silent refresh (no note to readers);
 * each entry of `updates` is a dated note shown on the page. The article's modified time is the
 * latest of the two, so a correction published after the last refresh moves `dateModified` too.
 */
import { isAfter, parseWhen } from './dates.ts';
import type { Finding } from './problem.ts';

export interface ChangeFacts {
  published: string;
  updated?: string | undefined;
  updates?: readonly { time: string }[] | undefined;
}

/** The latest change after publication (`updated` or an update's time), or undefined when none. */
export function lastModified(article: ChangeFacts): string | undefined {
  const candidates = [article.updated, ...(article.updates ?? []).map((entry) => entry.time)].filter(
    (value): value is string => value !== undefined,
  );
  return candidates.reduce<string | undefined>(
    (latest, value) => (latest === undefined || isAfter(value, latest) ? value : latest),
    undefined,
  );
}

/** Newest first, as readers expect a list of changes; equal times keep the editor's order. */
export function newestFirst<U extends { time: string }>(updates: readonly U[]): U[] {
  return updates
    .map((entry, index) => ({ entry, index, at: parseWhen(entry.time).start.getTime() }))
    .sort((a, b) => b.at - a.at || a.index - b.index)
    .map(({ entry }) => entry);
}

/** An update must follow publication; two entries at the same time are likely a copy-paste slip. */
export function updateProblems(article: ChangeFacts): Finding[] {
  const problems: Finding[] = [];
  const seen = new Map<number, number>();
  (article.updates ?? []).forEach((entry, index) => {
    if (isAfter(article.published, entry.time)) {
      problems.push({
        field: `updates[${index}].time`,
        problem: `"${entry.time}" is before "published" (${article.published}): an update comes after publication`,
        fix: 'correct the time',
      });
    }
    const at = parseWhen(entry.time).start.getTime();
    const first = seen.get(at);
    if (first !== undefined) {
      problems.push({
        field: `updates[${index}].time`,
        problem: `same time as updates[${first}]`,
        fix: 'give each update its own time, or merge the two',
      });
    } else {
      seen.set(at, index);
    }
  });
  return problems;
}

/** The heading of an article's updates: 'Updates', 'Corrections' or 'Updates and corrections'. */
export function updatesHeading(updates: readonly { kind: 'update' | 'correction' }[]): string {
  const kinds = new Set(updates.map((entry) => entry.kind));
  return kinds.size > 1 ? 'Updates and corrections' : kinds.has('correction') ? 'Corrections' : 'Updates';
}
