import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { markdownToHtml, shortMarkdownFindings } from '../../src/markdown/markdown.ts';

const dom = (source: string) => parse(markdownToHtml(source));

describe('markdownToHtml', () => {
  it('renders inline Markdown', () => {
    const root = dom('Leaders **agreed** on *guarantees*, [Reuters](https://www.reuters.com/) reported.');
    expect(root.querySelector('strong')?.textContent).toBe('agreed');
    expect(root.querySelector('em')?.textContent).toBe('guarantees');
    expect(root.querySelector('a')?.getAttribute('href')).toBe('https://www.reuters.com/');
  });

  it('escapes raw HTML instead of passing it through', () => {
    const root = dom(
      'Text <script>alert(1)</script> <img src=x onerror="alert(1)"> <iframe src="https://x"></iframe>',
    );
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('iframe')).toBeNull();
    expect(root.textContent).toContain('<script>alert(1)</script>');
  });

  it('drops javascript: and data: link targets but keeps the link text', () => {
    for (const href of ['javascript:alert(1)', 'data:text/html,<b>x</b>']) {
      const root = dom(`[click](${href})`);
      expect(root.textContent).toContain('click');
      const link = root.querySelector('a');
      expect(link?.getAttribute('href') ?? '').not.toMatch(/^(javascript|data):/i);
    }
  });

  it('escapes quotes and ampersands in text', () => {
    expect(markdownToHtml('Putin said he has "never ruled out" A & B')).toContain(
      '&quot;never ruled out&quot; A &amp; B',
    );
  });
});

describe('shortMarkdownFindings', () => {
  const problems = (source: string) => shortMarkdownFindings(source).map((found) => found.problem);

  it('accepts plain short Markdown', () => {
    expect(
      shortMarkdownFindings('Leaders **agreed**, [Reuters](https://www.reuters.com/) reported.'),
    ).toEqual([]);
  });

  it('refuses raw HTML, images and unsafe links, with a fix, leaving field and line to the caller', () => {
    expect(problems('A <b>bold</b> <!-- x --> claim')).toEqual([
      'raw HTML is not allowed in a timeline body or update',
      'raw HTML is not allowed in a timeline body or update',
      'raw HTML is not allowed in a timeline body or update',
    ]);
    expect(problems('![map](./map.png)')).toEqual(['images are not allowed in a timeline body or update']);
    expect(
      problems('[a](javascript:alert(1)) [b](jav&#x09;ascript:x) <data:text/html,x> [c]\n\n[c]: vbscript:x'),
    ).toEqual([
      'unsafe link URL "javascript:alert(1)"',
      'unsafe link URL "jav\\u0009ascript:x"',
      'unsafe link URL "data:text/html,x"',
      'unsafe link URL "vbscript:x"',
    ]);
    expect(shortMarkdownFindings('<i>x</i>')[0]).toEqual({
      line: undefined,
      field: '',
      problem: 'raw HTML is not allowed in a timeline body or update',
      fix: 'write Markdown',
    });
  });
});
