import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeCopy, runAstro } from '../helpers/astro';
import { htmlFiles } from '../helpers/dist';

describe('the build machine time zone', () => {
  it('does not change a byte of the HTML', () => {
    const west = runAstro('build', { env: { TZ: 'America/Los_Angeles' } });
    const east = runAstro('build', { env: { TZ: 'Pacific/Kiritimati' } });
    expect(west.status, west.output).toBe(0);
    expect(east.status, east.output).toBe(0);
    const files = htmlFiles(west.distDir);
    expect(htmlFiles(east.distDir)).toEqual(files);
    for (const file of files) {
      const a = readFileSync(join(west.distDir, file), 'utf8');
      const b = readFileSync(join(east.distDir, file), 'utf8');
      expect(a, file).toBe(b);
    }
    // The seed article is dated 2025-09-04: west of UTC a naive Date would print September 3.
    const article = readFileSync(
      join(west.distDir, 'articles/coalition-of-the-willing-paris/index.html'),
      'utf8',
    );
    expect(article).toContain('September 4, 2025');
    removeCopy(west.root);
    removeCopy(east.root);
  });
});
