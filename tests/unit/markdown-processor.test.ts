import {
  existsSync,
  mkdtempSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFrontmatter, unified } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { rehypeSanitizeBody } from '../../src/markdown/rehype-sanitize-body.ts';
import { markdownProcessor } from '../../src/build/markdown-processor.ts';

describe('markdownProcessor', () => {
  it('runs our plugins: the first mention of a person in the registry links to their page', async () => {
    // A fixture's registry, so the test needs no particular person in content/.
    const renderer = await markdownProcessor('tests/fixtures/minimal').createRenderer({});
    const { code } = await renderer.render('Ada Example spoke. Later Ada Example left.');
    expect(code.match(/<a [^>]*href="\/people\/ada-example\/"/g)).toHaveLength(1);
  });

  it('runs our plugins: raw HTML in an article is refused', async () => {
    const renderer = await markdownProcessor('./content').createRenderer({});
    await expect(renderer.render('Hello <script>alert(1)</script>')).rejects.toThrow(
      'raw HTML <script> is not allowed in articles',
    );
  });
});

describe('the sanitiser, last of our rehype plugins', () => {
  const options = () => markdownProcessor('./content').options;

  it('is the last rehype plugin', async () => {
    expect(options().rehypePlugins?.at(-1)).toBe(rehypeSanitizeBody);
  });

  it('removes what the remark checks would refuse, were they missing (the second wall)', async () => {
    const { rehypePlugins = [] } = options();
    const renderer = await unified({ rehypePlugins }).createRenderer({});
    const { code } = await renderer.render(
      [
        'A <b onclick="alert(1)" style="x">b</b> <!-- note --><script>alert(1)</script>',
        '[x](javascript:alert(1)) <iframe src="https://example.org"></iframe>',
        '',
        '<meta http-equiv="refresh" content="0"><img src="data:image/png;base64,AA" onerror="x">',
      ].join('\n'),
    );
    expect(code).not.toMatch(
      /onclick|onerror|style=|<script|<iframe|<meta|http-equiv|javascript:|data:|<!--/,
    );
    expect(code).toContain('<b>b</b>');
  });

  it('judges MDX tags too: a lowercase tag becomes its HTML element, blocks keep their attributes', async () => {
    const { rehypePlugins = [] } = options();
    // MDX compiled with the sanitiser alone, as if the remark checks had let everything through.
    const renderer = await unified({ rehypePlugins }).createMdxRenderer!({}, { optimize: false });
    const { code } = await renderer.process(
      [
        'A <b onclick="alert(1)" style="color: red">bold</b> <abbr title="T">T</abbr> word.',
        '',
        '<iframe src="https://example.org" />',
        '',
        '<KeyFacts title="Facts">',
        '<Fact figure="39" label="countries" cite="39 countries" />',
        '</KeyFacts>',
      ].join('\n'),
      resolve('test.mdx'),
      {},
    );
    expect(code).not.toMatch(/onclick|color: red|iframe/);
    expect(code).toMatch(/_jsx\(_components\.b, \{\s*children: "bold"\s*\}\)/);
    expect(code).toMatch(/title: "T"/);
    expect(code).toMatch(/KeyFacts, \{[\s\S]*title: "Facts"/);
    expect(code).toMatch(/figure: "39"/);
  });

  // Each fixture rendered with and without the sanitiser: the same output (MDX blocks included), comments aside.
  // Every article of content/ and of the bangkok fixture, whatever they are.
  const articlesOf = (dir: string): [string, string][] =>
    readdirSync(join(dir, 'articles')).map((slug) => {
      const folder = join(dir, 'articles', slug);
      return [dir, join(folder, existsSync(join(folder, 'index.mdx')) ? 'index.mdx' : 'index.md')];
    });
  const fixtures: [string, string][] = [
    ['tests/fixtures/minimal', 'tests/fixtures/minimal/articles/sample-story/index.md'],
    ...articlesOf('./content'),
    ...articlesOf('tests/fixtures/bangkok'),
    ['tests/fixtures/mdx', 'tests/fixtures/mdx/articles/blocks-demo/index.mdx'],
  ];
  it.each(fixtures)('leaves the article in %s (%s) as it was', async (dir, path) => {
    const full = markdownProcessor(dir).options;
    const without = { ...full, rehypePlugins: full.rehypePlugins!.filter((p) => p !== rehypeSanitizeBody) };
    const { content, frontmatter } = parseFrontmatter(readFileSync(path, 'utf8'), {
      frontmatter: 'empty-with-spaces',
    });
    const render = async (options: typeof full) => {
      const processor = unified(options);
      const shared = { syntaxHighlight: 'prism' as const };
      if (path.endsWith('.mdx'))
        return (
          await (
            await processor.createMdxRenderer!(shared, { optimize: false })
          ).process(content, resolve(path), frontmatter)
        ).code;
      const renderer = await processor.createRenderer(shared);
      return (await renderer.render(content.trim(), { fileURL: pathToFileURL(resolve(path)), frontmatter }))
        .code;
    };
    const sanitised = await render(full);
    expect(sanitised).toBe((await render(without)).replace(/<!--[\s\S]*?-->/g, ''));
  });

  it('keeps footnotes, tables, task lists, Prism classes, heading ids and mention links', async () => {
    const renderer = await markdownProcessor('tests/fixtures/minimal').createRenderer({
      syntaxHighlight: 'prism',
    });
    const { code } = await renderer.render(
      [
        '# Title',
        '',
        'Note[^1] about Ada Example <!-- hidden -->.',
        '',
        '- [x] done',
        '',
        '| a | b |',
        '|---|:-:|',
        '| 1 | 2 |',
        '',
        '```js',
        'const x = 1;',
        '```',
        '',
        '[^1]: The note.',
      ].join('\n'),
    );
    for (const part of [
      '<h1 id="title">',
      'href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref',
      '<li id="user-content-fn-1">',
      'class="data-footnote-backref"',
      '<section data-footnotes="" class="footnotes"><h2 class="sr-only" id="footnote-label">',
      '<input type="checkbox" checked disabled>',
      '<th align="center">',
      '<pre class="language-js" data-language="js"><code class="language-js"><span class="token keyword">',
      'class="mention" data-mention="person:ada-example"',
    ])
      expect(code).toContain(part);
    expect(code).not.toContain('hidden');
  });
});

describe("markdownProcessor's config key", () => {
  it('changes with the names the linker looks for, and only with them', () => {
    const content = mkdtempSync(join(tmpdir(), 'backstory-registry-'));
    const person = (yaml: string) => {
      mkdirSync(join(content, 'people'), { recursive: true });
      writeFileSync(join(content, 'people/ada.yaml'), yaml);
      return Reflect.get(markdownProcessor(content).options, 'mentionables');
    };
    try {
      const key = person('name: Ada Example\nroles: []\n');
      expect(key).toMatch(/^[0-9a-f]{32}$/);
      expect(person('name: Ada Example\nroles: [{ title: Minister, from: "2024" }]\n')).toBe(key);
      expect(person('name: Ada Example\naliases: [Ada]\nroles: []\n')).not.toBe(key);
      expect(person('name: Ada Sample\nroles: []\n')).not.toBe(key);
    } finally {
      rmSync(content, { recursive: true, force: true });
    }
  });
});
