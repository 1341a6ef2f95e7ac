/**
 * Hostile content is refused at build with the file and line: Astro would copy raw HTML,
 * event handlers and script URLs from Markdown into pages unchanged. The body cases share one
 * sync (the article loader collects every render error); the schema case runs alone.
 */
import { describe, expect, it } from 'vitest';
import { ARTICLE, caseGroup, expectFailure, re, runFixture, type Mutation } from './support.ts';

const BODY = 'Ministers met in Paris on Sept. 4.';

const cases: Record<string, { title: string; text: string; message: string }> = {
  script: {
    title: 'a <script> element',
    text: '<script>alert(1)</script>',
    message: 'raw HTML <script> is not allowed',
  },
  iframe: {
    title: 'an <iframe>',
    text: '<iframe src="https://example.org/"></iframe>',
    message: 'raw HTML <iframe> is not allowed',
  },
  style: {
    title: 'a <style> element',
    text: '<style>body { display: none }</style>',
    message: 'raw HTML <style> is not allowed',
  },
  handler: {
    title: 'an event-handler attribute',
    text: 'A <b onclick="alert(1)">bold</b> claim.',
    message: 'event-handler attribute "onclick"',
  },
  'javascript-link': {
    title: 'a javascript: link',
    text: '[read more](javascript:alert(1))',
    message: 'unsafe link URL "javascript:alert\\(1\\)"',
  },
  'data-link': {
    title: 'a data: link',
    text: '[read more](data:text/html;base64,PGI+)',
    message: 'unsafe link URL "data:text/html',
  },
};

const runCase = caseGroup(
  'sync',
  Object.fromEntries(
    Object.entries(cases).map(([slug, { text }]): [string, Mutation] => [
      slug,
      (f, article) => f.replace(article, BODY, `${BODY}\n\n${text}`),
    ]),
  ),
);

describe('hostile Markdown is refused with file and line', () => {
  for (const [slug, { title, message }] of Object.entries(cases)) {
    it.concurrent(title, async () => {
      const { run, article } = await runCase(slug);
      // The added paragraph is on the last line of the fixture file.
      expectFailure(run, new RegExp(`^content/${re(article)}:\\d+ {2}body {2}${message}`));
    });
  }
});

describe('bidirectional control characters', () => {
  it('are refused in a caption, naming the character and position', async () => {
    const run = await runFixture('sync', (f) =>
      f.replace(ARTICLE, 'caption: Ada Example (l) greets', 'caption: Ada Example (l) \u202egreets'),
    );
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(
      /index\.md:\d+ {2}gallery\[0\]\.caption {2}contains an invisible bidirectional control character \(U\+202E\) at character 17: delete it/,
    );
  });
});
