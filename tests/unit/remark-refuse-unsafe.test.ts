import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { rawHtmlProblem, remarkRefuseUnsafe } from '../../src/lib/remark-refuse-unsafe';

describe('rawHtmlProblem', () => {
  it.each(['<sup>2</sup>', '<abbr title="North Atlantic Treaty Organization">NATO</abbr>', '<br>', '<!-- note -->'])(
    'allows %s',
    (html) => expect(rawHtmlProblem(html)).toBeUndefined(),
  );

  it.each([
    ['<script>alert(1)</script>', /<script> is not allowed/],
    ['<iframe src="https://example.org"></iframe>', /<iframe> is not allowed/],
    ['<style>body{}</style>', /<style> is not allowed/],
    ['<img src=x onerror=alert(1)>', /<img> is not allowed/],
    ['<b onclick="alert(1)">x</b>', /event-handler attribute "onclick"/],
    ['<q cite="javascript:alert(1)">x</q>', /unsafe URL in "cite"/],
    ['<em class="x">x</em>', /attribute "class" on <em> is not allowed/],
  ])('refuses %s', (html, message) => expect(rawHtmlProblem(html)).toMatch(message));
});

function fail(tree: Root): string | undefined {
  try {
    const file = {
      path: 'content/articles/x/index.md',
      fail(reason: string): never {
        throw new Error(reason);
      },
    };
    remarkRefuseUnsafe()(tree, file as unknown as VFile);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const at = (line: number) => ({ start: { line, column: 1, offset: 0 }, end: { line, column: 2, offset: 1 } });

describe('remarkRefuseUnsafe', () => {
  it.each(['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:msgbox'])(
    'refuses a link to %s with file and line',
    (url) => {
      const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'link', url, children: [], position: at(4) }] }] };
      expect(fail(tree)).toMatch(/^content\/articles\/x\/index\.md:4 {2}body {2}unsafe link URL/);
    },
  );

  it('refuses raw HTML blocks and keeps safe content', () => {
    const bad: Root = { type: 'root', children: [{ type: 'html', value: '<script>x</script>', position: at(9) }] };
    expect(fail(bad)).toMatch(/index\.md:9 {2}body {2}raw HTML <script>/);
    const good: Root = {
      type: 'root',
      children: [{ type: 'paragraph', children: [{ type: 'link', url: 'https://example.org/', children: [] }, { type: 'html', value: '<sup>1</sup>' }] }],
    };
    expect(fail(good)).toBeUndefined();
  });
});
