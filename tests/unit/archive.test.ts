/** The archive's months and pages (src/lib/archive.ts, and its addresses in src/lib/paths.ts). */
import { describe, expect, it } from 'vitest';
import { archiveMonths } from '../../src/lib/archive.ts';
import { paths } from '../../src/lib/paths.ts';

describe('archiveMonths', () => {
  it('counts the articles of each month, newest month first, with the pages they fill', () => {
    // In any order: an instant written in one zone may fall in another month where it is shown.
    const keys = ['2025-08', ...Array<string>(120).fill('2025-09'), '2025'];
    expect(archiveMonths(keys)).toEqual([
      { key: '2025-09', count: 120, pages: 3 },
      { key: '2025-08', count: 1, pages: 1 },
      { key: '2025', count: 1, pages: 1 },
    ]);
    expect(archiveMonths([])).toEqual([]);
  });

  it('gives page 1 the month’s own address', () => {
    expect(paths.archiveMonth('2025-09')).toBe('/archive/2025-09/');
    expect(paths.archiveMonth('2025-09', 1)).toBe('/archive/2025-09/');
    expect(paths.archiveMonth('2025-09', 3)).toBe('/archive/2025-09/3/');
  });
});
