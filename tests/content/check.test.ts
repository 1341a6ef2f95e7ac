/**
 * `npm run check:content` (src/cli/check-content.ts) as editors and the build run it: plain
 * Node, every problem in one run, `file:line  field  problem: how to fix`, exit code 1 when there
 * is any. On the real content it must pass (it runs before every build); on the broken fixture
 * (tests/fixtures/check/broken/, see its README) it must name each mistake. Each rule has its own
 * unit test in tests/unit/content-check.test.ts.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/astro';

const run = promisify(execFile);

/** Runs the checker on `folder` (relative to the project) from the project root. */
async function checkContent(folder?: string) {
  try {
    const { stdout, stderr } = await run(
      join(projectRoot, 'node_modules/.bin/node'),
      ['src/cli/check-content.ts', ...(folder ? [folder] : [])],
      { cwd: projectRoot },
    );
    return { code: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: `${failed.stdout}${failed.stderr}` };
  }
}

const BROKEN = 'tests/fixtures/check/broken';
const TYPICAL = `${BROKEN}/articles/typical-mistakes/index.md`;
const MDX = `${BROKEN}/articles/mdx-story/index.mdx`;

describe('npm run check:content', () => {
  it.concurrent('passes on the real content', async () => {
    const { code, output } = await checkContent();
    expect(output).toMatch(
      /^check:content: no problems \(checked \d+ articles?, \d+ people, \d+ countries in [\d.]+ s\)$/m,
    );
    expect(code, output).toBe(0);
  });

  it.concurrent('reports every mistake of the broken fixture in one run, each with a fix', async () => {
    const { code, output } = await checkContent(BROKEN);
    expect(code).toBe(1);
    const lines = output.trim().split('\n');
    expect(lines.slice(0, -2)).toEqual([
      `${BROKEN}/articles/_draft/index.md  -  folder "_draft" is not a valid slug: use lower-case ASCII letters, digits and hyphens (drafts use "draft: true", not "_")`,
      `${MDX}:21  body  raw HTML <script> is not allowed in articles; use Markdown or a Backstory component`,
      `${MDX}:23  <Photo id="no-such-photo">  unknown photo "no-such-photo": the article's photos are "ministers"`,
      `${TYPICAL}:2  title  is 77 characters; search results and link previews show about 70: shorten it to 70 or fewer`,
      `${TYPICAL}:6  published  unquoted date: YAML turns it into a timestamp at UTC midnight; write it as a quoted ISO date such as '2025-09-04' (or '2025-09' / '2025' when only the month or year is known), or write it as a quoted ISO time with its UTC offset, such as '2025-09-04T14:30:00+02:00'`,
      `${TYPICAL}:7  people  the text names "Ben Example" but "people" does not list "ben-example": add it`,
      `${TYPICAL}:11  timeline[0].date  event "talks-begin" is dated 2025-09-10, after the article's publication (2025-09-04): mark it "planned: true" or correct the date`,
      `${TYPICAL}:16  gallery[0].src  image file "./ministers.jpg" not found (expected ${BROKEN}/articles/typical-mistakes/ministers.jpg): put the photo beside the article or fix the path`,
      `${TYPICAL}:17  gallery[0].alt  photo "ministers": alt text repeats the caption; describe what the image shows`,
      `${TYPICAL}:26  body  raw HTML <iframe> is not allowed in articles; use Markdown (allowed tags: abbr, b, br, cite, del, dfn, em, i, ins, kbd, mark, q, s, small, strong, sub, sup, time, u, wbr)`,
    ]);
    expect(lines.at(-1)).toMatch(
      /^check:content: 10 problems in 3 files \(checked 2 articles, 2 people, 2 countries in [\d.]+ s\)$/,
    );
  });

  it('runs before every build', () => {
    const { scripts } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts['check:content']).toBe('node src/cli/check-content.ts');
    // The build may set variables for `astro build` (MALLOC_ARENA_MAX, README Benchmark).
    expect(scripts['build']).toMatch(/^npm run check:content && (\w+=\S+ )*astro build$/);
    expect(scripts['start']).toMatch(/^npm run build && /);
  });
});
