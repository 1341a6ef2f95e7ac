/**
 * `npm run check:content` (src/cli/check-content.ts) as editors and the build run it: plain
 * Node, every problem in one run, `file:line  field  problem: how to fix`, exit code 1 when there
 * is any. On the real content it must pass (it runs before every build); on the broken fixture
 * (tests/fixtures/check/broken/, see its README) it must name each mistake. Each rule has its own
 * unit test in tests/unit/content-check.test.ts.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/astro.ts';
import { runAstroAsync } from './support.ts';

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
      /^check:content: no problems \(checked \d+ articles?, \d+ (?:person|people), (?:\d+ organisations?, )?(?:\d+ places?, )?(?:\d+ stor(?:y|ies), )?\d+ countr(?:y|ies) in [\d.]+ s\)$/m,
    );
    expect(code, output).toBe(0);
  });

  it.concurrent('reports every mistake of the broken fixture in one run, each with a fix', async () => {
    const { code, output } = await checkContent(BROKEN);
    expect(code).toBe(1);
    const lines = output.trim().split('\n');
    expect(lines.slice(0, -2)).toEqual([
      `${BROKEN}/articles/_draft/index.md  -  folder "_draft" is not a valid slug: use lower-case ASCII letters, digits and hyphens (drafts use "draft: true", not "_")`,
      `${MDX}:21  body  <script> is not allowed in articles: use Markdown or a block; the HTML tags an article may use are abbr, b, br, cite, del, dfn, em, i, ins, kbd, mark, q, s, small, strong, sub, sup, time, u, wbr`,
      `${MDX}:23  body  <Photo id="no-such-photo"> refers to an unknown photo "no-such-photo": use one of the article's photos: "ministers"`,
      `${TYPICAL}:2  title  is 77 characters; search results and link previews show about 70: shorten it to 70 or fewer`,
      `${TYPICAL}:6  published  unquoted date: YAML turns it into a timestamp at UTC midnight: write it as a quoted ISO date such as '2025-09-04' (or '2025-09' / '2025' when only the month or year is known), or write it as a quoted ISO time with its UTC offset, such as '2025-09-04T14:30:00+02:00'`,
      `${TYPICAL}:16  gallery[0].src  image file "./ministers.jpg" not found (expected ${BROKEN}/articles/typical-mistakes/ministers.jpg): put the photo in the article's folder or fix the path`,
      `${TYPICAL}:17  gallery[0].alt  photo "ministers": the alt text repeats the caption: describe what the image shows`,
      `${TYPICAL}:26  body  raw HTML <iframe> is not allowed in articles: use Markdown; the HTML tags an article may use are abbr, b, br, cite, del, dfn, em, i, ins, kbd, mark, q, s, small, strong, sub, sup, time, u, wbr`,
    ]);
    expect(lines.at(-1)).toMatch(
      /^check:content: 8 problems in 3 files \(checked 2 articles, 2 people, 2 countries in [\d.]+ s\)$/,
    );
  });

  it.concurrent(
    'then reports the rules that compare fields, once the fields themselves are valid',
    async () => {
      const fixed = mkdtempSync(join(tmpdir(), 'backstory-check-'));
      try {
        cpSync(join(projectRoot, BROKEN), fixed, { recursive: true });
        const file = join(fixed, 'articles/typical-mistakes/index.md');
        writeFileSync(
          file,
          readFileSync(file, 'utf8')
            .replace(/^title: .*$/m, 'title: A short title')
            .replace(/^published: .*$/m, "published: '2025-09-04'")
            .replace('./ministers.jpg', '../mdx-story/photo.jpg')
            .replace(/^(\s+)alt: .*$/m, '$1alt: Two people shaking hands.'),
        );
        const { output } = await checkContent(fixed);
        expect(output).toContain(
          'articles/typical-mistakes/index.md:7  people  the text names "Ben Example" but "people" does not list "ben-example": add "ben-example" to "people"',
        );
        expect(output).toContain(
          'articles/typical-mistakes/index.md:11  timeline[0].date  event "talks-begin" is dated 2025-09-10, after the article\'s publication (2025-09-04): mark it "planned: true" or correct the date',
        );
      } finally {
        rmSync(fixed, { recursive: true, force: true });
      }
    },
  );

  it('runs inside every build, once: the build script does not run it again', () => {
    const { scripts } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts['check:content']).toBe('node src/cli/check-content.ts');
    expect(scripts['build']).not.toMatch(/check:content/);
    expect(scripts['start']).toMatch(/^npm run build && /);
  });

  it('and the build refuses with the very lines check:content prints', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'backstory-check-'));
    try {
      cpSync(join(projectRoot, BROKEN), dir, { recursive: true });
      const checked = await checkContent(dir);
      const build = await runAstroAsync('build', dir);
      expect(build.status).not.toBe(0);
      // The body's own checks run as Astro renders, which it does not start while a rule fails.
      const ruleLines = checked.output
        .split('\n')
        .filter((line) => line.includes('  ') && !line.includes('  body  '))
        .map((line) => line.split(`${relative(projectRoot, dir)}/`).join('content/'));
      expect(ruleLines.length).toBeGreaterThan(3);
      for (const line of ruleLines) expect(build.output).toContain(line);
      expect(build.output.split('is 77 characters')).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
