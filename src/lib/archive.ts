/**
 * The archive: articles by the month they were published, in pages of {@link ARCHIVE_PAGE_SIZE},
 * so that every article is three clicks from the home page (home, archive, a month's page).
 */

/** Articles per page of a month. */
export const ARCHIVE_PAGE_SIZE = 50;

export interface ArchiveMonth {
  /** '2025-09' (or '2025' for an article dated by its year alone). */
  key: string;
  count: number;
  pages: number;
}

/** The months of `keys` (one per article), newest first, with their counts. */
export function archiveMonths(keys: readonly string[], pageSize = ARCHIVE_PAGE_SIZE): ArchiveMonth[] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([key, count]) => ({ key, count, pages: Math.ceil(count / pageSize) }));
}
