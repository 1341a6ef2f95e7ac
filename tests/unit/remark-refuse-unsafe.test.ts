import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentProblems, type Problem } from '../../src/lib/problem.ts';
import { rawHtmlFindings } from '../../src/markdown/remark-refuse-unsafe.ts';
import { unified } from '@astrojs/markdown-remark';
import { markdownProcessor } from '../../src/build/markdown-processor.ts';

const processor = markdownProcessor('./content');
const markdown = await processor.createRenderer({});
const mdx = await processor.createMdxRenderer!({}, { optimize: false });

/** The problems the real processor throws for a body, or [] when it renders. */
async function problems(source: string, path = 'article.md'): Promise<Problem[]> {
  try {
    if (path.endsWith('.mdx')) await mdx.process(source, resolve(path), {});
    else await markdown.render(source, { fileURL: pathToFileURL(resolve(path)) });
    return [];
  } catch (error) {
    if (error instanceof ContentProblems) return [...error.problems];
    throw error;
  }
}
const texts = async (source: string, path?: string) =>
  (await problems(source, path)).map(({ line, problem }) => `${line}: ${problem}`);

describe('rawHtmlFindings', () => {
  it.each([
    '<sup>2</sup>',
    '<abbr title="North Atlantic Treaty Organization">NATO</abbr>',
    '<br>',
    '<!-- editor: check the figure -->',
    '<time datetime="2025-09-04">Thursday</time>',
    '<q cite="https://example.org/" lang="fr" dir="ltr">Oui</q>',
    '</b>',
  ])('allows %s', (html) => expect(rawHtmlFindings(html)).toEqual([]));

  it.each([
    ['<script>alert(1)</script>', 'raw HTML <script> is not allowed'],
    ['<iframe src="https://example.org"></iframe>', 'raw HTML <iframe> is not allowed'],
    ['<meta http-equiv="refresh" content="0;url=https://example.org">', 'raw HTML <meta>'],
    ['<base href="https://example.org/">', 'raw HTML <base>'],
    ['<img src=x onerror=alert(1)>', 'raw HTML <img> is not allowed'],
    ['<b onclick="alert(1)">x</b>', 'event-handler attribute "onclick" on <b>'],
    ['<em class="x">x</em>', 'attribute "class" on <em> is not allowed'],
    ['<b title="x">x</b>', 'attribute "title" on <b> is not allowed'],
    ['<q cite="javascript:alert(1)">x</q>', 'unsafe URL "javascript:alert(1)" in cite on <q>'],
    ['<q cite="jav&#x09;ascript:alert(1)">x</q>', 'unsafe URL "jav\\u0009ascript:alert(1)"'],
    ['<del cite=" &#1;data:text/html,x">x</del>', 'unsafe URL'],
    // Comments and quotes cannot hide a tag from the parser, as they did from the old regexes.
    ['<!--><script>alert(1)</script>', 'raw HTML <script>'],
    ['<!---><script>alert(1)</script>', 'raw HTML <script>'],
    ['<!-- x --!><script>alert(1)</script>', 'raw HTML <script>'],
    ['<b lang="a>b" onclick="alert(1)">x</b>', 'event-handler attribute "onclick"'],
    // A fragment parser drops these without a word; a browser gives the page's body the handler.
    ['<p>x</p><body onload="alert(1)">', 'event-handler attribute "onload" on <body>'],
    ['<svg><script>alert(1)</script></svg>', 'raw HTML <svg>'],
  ])('refuses %s', (html, message) =>
    expect(
      rawHtmlFindings(html)
        .map((found) => found.problem)
        .join('\n'),
    ).toContain(message),
  );

  it('counts lines inside a block of HTML', () => {
    expect(rawHtmlFindings('<b>\nx\n</b><script>\n</script>')[0]?.line).toBe(3);
  });
});

describe('remarkRefuseUnsafe in the Markdown pipeline', () => {
  it('reports every problem of a body, each with its line, as one ContentProblems', async () => {
    const found = await problems(
      [
        'Intro <script>alert(1)</script>.', // 1
        '',
        '[read](javascript:alert(1))', // 3
        '',
        '<div>', // 5
        '<b onclick="x">b</b>', // 6
        '</div>',
        '',
        '[x]: &#x20;vbscript:msgbox', // 9
      ].join('\n'),
    );
    expect(found.map(({ line, field, problem }) => `${line} ${field} ${problem}`)).toEqual([
      '1 body raw HTML <script> is not allowed in articles',
      '3 body unsafe link URL "javascript:alert(1)"',
      '5 body raw HTML <div> is not allowed in articles',
      '9 body unsafe definition URL " vbscript:msgbox"',
    ]);
    expect(found[0]).toMatchObject({ file: 'article.md', fix: expect.stringMatching(/^use Markdown/) });
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'data:text/html,<b>x</b>',
    'jav&#x09;ascript:x',
    'file:///etc/passwd',
  ])('refuses a link to %s', async (url) =>
    expect(await texts(`[click](${url.includes(' ') ? `<${url}>` : url})`)).toEqual([
      expect.stringMatching(/^1: unsafe link URL/),
    ]),
  );

  it.each([
    'https://example.org/',
    'http://example.org/',
    'mailto:desk@example.org',
    '/people/ada-example/',
    '#fn-1',
    'page?q=a:b',
  ])('allows a link to %s', async (url) => expect(await texts(`[ok](${url})`)).toEqual([]));

  it('keeps body images inside the article folder', async () => {
    expect(await texts('![a](./photo.jpg) ![b](photos/b.jpg)')).toEqual([]);
    expect(
      await texts('![a](https://example.org/a.jpg)\n\n![b](../other/b.jpg)\n\n![c](/etc/c.jpg)'),
    ).toEqual([
      '1: image "https://example.org/a.jpg" is not a file beside the article',
      `3: image "../other/b.jpg" is outside the article's folder`,
      `5: image "/etc/c.jpg" is outside the article's folder`,
    ]);
    expect(await texts('![a][r]\n\n[r]: %2e%2e/x.jpg')).toEqual([
      `1: image "%2e%2e/x.jpg" is outside the article's folder`,
    ]);
    expect((await problems('![a](//example.org/a.jpg)'))[0]?.fix).toBe(
      'put the image beside the article and write ./name.jpg',
    );
  });

  it('counts lines from the top of the file, below the frontmatter', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'backstory-unsafe-'));
    try {
      const file = join(dir, 'index.md');
      const body = 'Text.\n\n<script>x</script>';
      writeFileSync(file, `---\ntitle: X\n---\n\n${body}`);
      expect((await problems(body, file))[0]?.line).toBe(7);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('remarkRefuseUnsafe in the MDX pipeline: articles cannot run code', () => {
  it('refuses expression values, spreads and valueless attributes on every element', async () => {
    expect(
      await texts(
        [
          'A <b title={1 + 1}>b</b> and <i {...props}>i</i> and <abbr title>x</abbr>.', // 1
          '',
          '<Photo id={"ministers"} />', // 3
        ].join('\n'),
        'article.mdx',
      ),
    ).toEqual(
      expect.arrayContaining([
        '1: <b title={...}>: attribute values cannot be {expressions}, articles run no code',
        '1: <i {...}>: spread attributes are not allowed, articles run no code',
        '1: <abbr title>: the attribute has no value',
        '3: <Photo id={...}>: attribute values cannot be {expressions}, articles run no code',
      ]),
    );
  });

  it('holds lowercase tags to the same table as raw HTML', async () => {
    expect(
      await texts('<abbr title="NATO" lang="en">N</abbr> <time datetime="2025-09-04">then</time>', 'a.mdx'),
    ).toEqual([]);
    expect(
      await texts(
        '<b style="color:red">x</b> <em id="x" tabindex="0">y</em> <div>z</div> <a href="https://x">a</a>',
        'a.mdx',
      ),
    ).toEqual([
      '1: attribute "style" on <b> is not allowed',
      '1: attribute "id" on <em> is not allowed',
      '1: attribute "tabindex" on <em> is not allowed',
      '1: <div> is not allowed in articles',
      '1: <a> is not allowed in articles',
    ]);
    expect(await texts('<q cite="javascript:alert(1)">x</q> <b onClick="x">y</b>', 'a.mdx')).toEqual([
      '1: unsafe URL "javascript:alert(1)" in cite on <q>',
      '1: event-handler attribute "onClick" on <b> is not allowed',
    ]);
  });

  describe('a hostile attribute expression', () => {
    const dir = mkdtempSync(join(tmpdir(), 'backstory-mdx-code-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const hostile = (target: string) =>
      `Hello <b title={process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(target)}, 'ran')}>bold</b>.`;

    it('runs when rendered without our plugins (the control: the payload works)', async () => {
      const target = join(dir, 'control');
      const plain = await unified({}).createMdxRenderer!({}, { optimize: false });
      const { code } = await plain.process(hostile(target), join(dir, 'control.mdx'), {});
      // Where the build evaluates it: a module importing astro/jsx-runtime, rendered.
      const module = resolve('node_modules/.backstory-mdx-control.mjs');
      writeFileSync(module, code);
      try {
        const { default: content } = (await import(pathToFileURL(module).href)) as {
          default: (props: object) => unknown;
        };
        content({});
      } finally {
        rmSync(module, { force: true });
      }
      expect(existsSync(target)).toBe(true);
    });

    it('is refused by the real processor before anything is compiled, and writes nothing', async () => {
      const target = join(dir, 'refused');
      await expect(mdx.process(hostile(target), join(dir, 'article.mdx'), {})).rejects.toThrow(
        ContentProblems,
      );
      expect(existsSync(target)).toBe(false);
    });
  });
});
