/**
 * `npm run new` end to end, with one real build: the command scaffolds an MDX draft (Ukrainian
 * headline, transliterated slug, placeholder photo) into a copy of the minimal fixture, refuses
 * to overwrite it, and the copy passes `check:content` (which lists the draft's TODOs as
 * warnings) and builds, with the draft left out of the pages, the feed and the sitemap. The same build checks updates and corrections on the fixture's
 * own article: the dated list, the correction marked, and the latest change as the modified time.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runAstro, type AstroRun } from '../helpers/astro.ts';
import { FixtureEditor, MINIMAL } from './support.ts';

const exec = promisify(execFile);
const NODE = join(projectRoot, 'node_modules/.bin/node');
const HEADLINE = 'Зеленський зустрівся з Макроном у Парижі';
const SLUG = 'zelenskiy-zustrivsya-z-makronom-u-parizhi';
const CORRECTION = '2025-09-05T10:30:00+01:00';

async function cli(script: string, args: string[]) {
  try {
    const { stdout, stderr } = await exec(NODE, [join(projectRoot, 'src/cli', script), ...args], {
      cwd: projectRoot,
    });
    return { code: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: `${failed.stdout}${failed.stderr}` };
  }
}

let content: string;
let first: { code: number; output: string };
let second: { code: number; output: string };
let check: { code: number; output: string };
let written: string;
let build: AstroRun;
const page = (path: string): HTMLElement => parse(readFileSync(join(build.distDir, path), 'utf8'));

beforeAll(async () => {
  content = mkdtempSync(join(tmpdir(), 'backstory-scaffold-'));
  cpSync(MINIMAL, content, { recursive: true });
  new FixtureEditor(content).replace(
    'articles/sample-story/index.md',
    "published: '2025-09-04'\n",
    `published: '2025-09-04'
updated: '2025-09-05T08:00:00+01:00'
updates:
  - time: '2025-09-04T18:00:00+01:00'
    kind: update
    text: Adds the joint statement.
  - time: '${CORRECTION}'
    kind: correction
    text: An earlier version misspelled *Ben Example*'s name.
`,
  );
  first = await cli('new-article.ts', [HEADLINE, '--content', content]);
  written = readFileSync(join(content, 'articles', SLUG, 'index.mdx'), 'utf8');
  second = await cli('new-article.ts', [HEADLINE, '--content', content]);
  check = await cli('check-content.ts', [content]);
  build = runAstro('build', { content });
}, 240_000);

afterAll(() => {
  rmSync(content, { recursive: true, force: true });
  if (build) rmSync(build.root, { recursive: true, force: true });
});

describe('npm run new', () => {
  it('writes a draft under a transliterated slug, with a placeholder photo', () => {
    expect(first.code, first.output).toBe(0);
    expect(first.output).toContain(`articles/${SLUG}/index.mdx (a draft)`);
    expect(existsSync(join(content, 'articles', SLUG, 'index.md'))).toBe(false);
    expect(written).toMatch(/^draft: true$/m);
    expect(written).toContain(`title: '${HEADLINE}'`);
    const jpeg = readFileSync(join(content, 'articles', SLUG, 'lead.jpg'));
    expect([...jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  });

  it('refuses to overwrite an existing article', () => {
    expect(second.code).toBe(1);
    expect(second.output).toMatch(new RegExp(`articles/${SLUG}/ already exists: edit that article`));
    expect(readFileSync(join(content, 'articles', SLUG, 'index.mdx'), 'utf8')).toBe(written);
  });

  it('leaves content that passes check:content, which lists its TODOs as warnings', () => {
    expect(check.output).toMatch(/check:content: no problems; 13 warnings in 1 file \(checked 2 articles/);
    expect(check.output).toMatch(/^Warnings \(they stop nothing; .*\):$/m);
    const dek = check.output.split('\n').find((line) => line.includes(`articles/${SLUG}/index.mdx:5  dek  `));
    expect(dek).toMatch(
      /^warning: \S+:5 {2}dek {2}still holds the "TODO" placeholder from "npm run new": write it before removing "draft: true"$/,
    );
    expect(check.code).toBe(0);
  });
});

describe('the build of the scaffolded copy', () => {
  it('succeeds', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('leaves the draft out of the pages, the feed and the sitemap', () => {
    expect(existsSync(join(build.distDir, 'articles/sample-story/index.html'))).toBe(true);
    expect(existsSync(join(build.distDir, 'articles', SLUG))).toBe(false);
    for (const file of ['rss.xml', 'sitemap-0.xml', 'index.html']) {
      const text = readFileSync(join(build.distDir, file), 'utf8');
      expect(text).toContain('sample-story');
      expect(text, file).not.toContain(SLUG);
    }
  });

  it('lists updates and corrections newest first, the correction marked as such', () => {
    const section = page('articles/sample-story/index.html').querySelector('#updates')!;
    expect(section.querySelector('h2')!.textContent).toBe('Updates and corrections');
    const items = section.querySelectorAll('li');
    expect(items.map((item) => item.querySelector('.kind')!.textContent)).toEqual(['Correction', 'Update']);
    expect(items.map((item) => item.querySelector('time')!.getAttribute('datetime'))).toEqual([
      CORRECTION,
      '2025-09-04T18:00:00+01:00',
    ]);
    expect(items[0]!.querySelector('em')!.textContent).toBe('Ben Example');
  });

  it('shows the latest change as the updated time, in the header, meta tags, JSON-LD and feed', () => {
    const html = page('articles/sample-story/index.html');
    const updated = html
      .querySelectorAll('header .meta span')
      .find((span) => span.textContent.startsWith('Updated'))!;
    expect(updated.querySelector('time')!.getAttribute('datetime')).toBe(CORRECTION);
    expect(html.querySelector('header a[href="#updates"]')!.textContent).toBe('See corrections');
    expect(html.querySelector('meta[property="article:modified_time"]')!.getAttribute('content')).toBe(
      CORRECTION,
    );
    expect(html.toString()).toContain(`"dateModified":"${CORRECTION}"`);
    expect(readFileSync(join(build.distDir, 'rss.xml'), 'utf8')).toContain(
      `<dcterms:modified>${CORRECTION}</dcterms:modified>`,
    );
  });
});
