import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../src/lib/markdown';

const dom = (source: string) => parse(markdownToHtml(source));

describe('markdownToHtml', () => {
  it('renders inline Markdown', () => {
    const root = dom('Leaders **agreed** on *guarantees*, [Reuters](https://www.reuters.com/) reported.');
    expect(root.querySelector('strong')?.textContent).toBe('agreed');
    expect(root.querySelector('em')?.textContent).toBe('guarantees');
    expect(root.querySelector('a')?.getAttribute('href')).toBe('https://www.reuters.com/');
  });

  it('escapes raw HTML instead of passing it through', () => {
    const root = dom('Text <script>alert(1)</script> <img src=x onerror="alert(1)"> <iframe src="https://x"></iframe>');
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
    expect(markdownToHtml('Putin said he has "never ruled out" A & B')).toContain('&quot;never ruled out&quot; A &amp; B');
  });
});
