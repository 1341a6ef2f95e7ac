/**
 * Random articles made of dangerous pieces, through the real processor (src/build/markdown-processor.ts).
 * Each must be refused, or render to HTML that a browser would find harmless (Markdown), or
 * compile to a module that runs no author code (MDX). Seeded: a failure names its seed and input.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import { parse, type DefaultTreeAdapterTypes as Html } from 'parse5';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BLOCKS } from '../../src/markdown/remark-check-blocks.ts';
import { ContentProblems } from '../../src/lib/problem.ts';
import { markdownProcessor } from '../../src/build/markdown-processor.ts';

const SEED = 18;
const RUNS = 2000;

/** mulberry32: small, fast, and the same sequence on every machine. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return { next, pick };
}

const URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'jav&#x09;ascript:alert(1)',
  'jav&#x0A;ascript:alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;avascript&colon;alert(1)',
  'java\tscript:alert(1)',
  '\u0001javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'DATA:image/svg+xml;base64,PHN2Zz4=',
  'vbscript:msgbox(1)',
  'https://example.org/',
  './photo.jpg',
  '../secret.jpg',
  '//example.org/x.jpg',
];
const TAGS = [
  'script',
  'iframe',
  'meta',
  'base',
  'link',
  'form',
  'style',
  'object',
  'embed',
  'svg',
  'math',
  'img',
  'a',
  'body',
  'template',
  'textarea',
  'noscript',
  'title',
  'xmp',
  'select',
  'details',
  'b',
  'abbr',
  'q',
  'time',
  'del',
  'sup',
];
const ATTRIBUTES = [
  'onclick="alert(1)"',
  'onerror=alert(1)',
  'ONLOAD="x"',
  'style="color:red"',
  'http-equiv="refresh"',
  'content="0;url=javascript:alert(1)"',
  "title='a>b'",
  'title="x>y"',
  'lang="fr"',
  'dir="rtl"',
  'datetime="2025-09-04"',
  'id="x"',
  'class="y"',
  'tabindex="0"',
  'popover',
];
const URL_ATTRIBUTES = ['href', 'src', 'cite', 'action', 'formaction', 'xlink:href', 'srcdoc'];
const COMMENTS = [
  '<!--',
  '-->',
  '<!-->',
  '<!--->',
  '--!>',
  '<!-- note -->',
  '<![CDATA[',
  ']]>',
  '<!',
  '<?x ?>',
];
const TEXT = [
  'Ministers met.',
  'A & B',
  '&lt;script&gt;',
  '&#60;b&#62;',
  '"a>b"',
  "'q>'",
  '>',
  '<',
  '`<b>`',
  '*x*',
  '\\<',
];
/** MDX code; each would set the sentinel if it ever ran. */
const CODE = [
  '{globalThis.fuzzRan = 1}',
  '<b title={globalThis.fuzzRan = 1}>x</b>',
  '<b {...(globalThis.fuzzRan = {})}>x</b>',
  '<Photo id={(globalThis.fuzzRan = 1, "x")} />',
  'export const a = (globalThis.fuzzRan = 1)',
  '<q cite={`${globalThis.fuzzRan = 1}`}>x</q>',
];

function piece(r: ReturnType<typeof random>, mdx: boolean): string {
  const url = r.pick(URLS);
  const attributes = () =>
    Array.from({ length: Math.floor(r.next() * 3) }, () =>
      r.next() < 0.5 ? r.pick(ATTRIBUTES) : `${r.pick(URL_ATTRIBUTES)}="${r.pick(URLS)}"`,
    ).join(' ');
  const kinds: (() => string)[] = [
    () => `<${r.pick(TAGS)} ${attributes()}>`,
    () => `</${r.pick(TAGS)}>`,
    () => `<${r.pick(TAGS)} ${attributes()}>${r.pick(TEXT)}</${r.pick(TAGS)}>`,
    () => r.pick(COMMENTS),
    () => r.pick(TEXT),
    () => `[link](${url})`,
    () => `[link](<${url}>)`,
    () => `![image](${url})`,
    () => `[ref]: ${url}`,
    () => `[ref]`,
    () => `<${url}>`,
  ];
  if (mdx)
    kinds.push(
      () => r.pick(CODE),
      () => r.pick(CODE),
    );
  return r.pick(kinds)();
}

function article(r: ReturnType<typeof random>, mdx: boolean): string {
  const count = 1 + Math.floor(r.next() * 8);
  return Array.from({ length: count }, () => piece(r, mdx) + r.pick([' ', '', '\n', '\n\n'])).join('');
}

const DANGEROUS_TAGS = new Set([
  'script',
  'iframe',
  'object',
  'embed',
  'meta',
  'base',
  'link',
  'form',
  'style',
]);

/** What a browser would find dangerous in `html`: parsed, entities decoded, URLs normalised. */
function dangers(html: string): string[] {
  const found: string[] = [];
  const visit = (node: Html.ParentNode) => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      if (DANGEROUS_TAGS.has(child.tagName)) found.push(`<${child.tagName}>`);
      for (const { name, value } of child.attrs) {
        if (/^on/i.test(name) || name === 'http-equiv') found.push(`${name}=`);
        // eslint-disable-next-line no-control-regex
        if (/^(javascript|data|vbscript):/i.test(value.replace(/[\u0000-\u0020]/g, '')))
          found.push(`${name}="${value}"`);
      }
      visit('content' in child ? (child as Html.Template).content : child);
    }
  };
  visit(parse(html));
  return found;
}

const { options } = markdownProcessor('./content');
const processor = unified(options);
const markdown = await processor.createRenderer({ syntaxHighlight: 'prism' });
const mdx = await processor.createMdxRenderer!({ syntaxHighlight: 'prism' }, { optimize: false });

/** Refused (the build stops), or the rendered output. */
async function outcome(render: () => Promise<string>): Promise<string | 'refused'> {
  try {
    return await render();
  } catch (error) {
    if (error instanceof ContentProblems) return 'refused';
    throw error;
  }
}

// A few seconds alone; the time limit is for a machine shared with other test layers, not a budget.
describe(`random hostile articles (seed ${SEED}, ${RUNS} of each kind)`, { timeout: 120_000 }, () => {
  // Astro's Markdown renderer logs every failure before rethrowing it.
  beforeAll(() => void vi.spyOn(console, 'error').mockImplementation(() => {}));
  afterAll(() => vi.restoreAllMocks());

  it('Markdown: refused, or rendered without anything a browser would run', async () => {
    const r = random(SEED);
    let refused = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const source = article(r, false);
      const html = await outcome(async () => (await markdown.render(source, {})).code);
      if (html === 'refused') refused += 1;
      else expect(dangers(html), `run ${run}: ${JSON.stringify(source)}\n${html}`).toEqual([]);
    }
    // Most inputs hold something dangerous; a checker that refuses nothing would show here.
    if (process.env['FUZZ_STATS']) console.log(`Markdown: ${refused} refused, ${RUNS - refused} rendered`);
    expect(refused).toBeGreaterThan(RUNS / 2);
  });

  const modules = resolve('node_modules/.backstory-fuzz');
  afterAll(() => rmSync(modules, { recursive: true, force: true }));

  it('MDX: refused before compiling, or compiled to a module that runs no author code', async () => {
    mkdirSync(modules, { recursive: true });
    const r = random(SEED + 1);
    const stubs = Object.fromEntries(Object.keys(BLOCKS).map((name) => [name, () => null]));
    const sentinel = globalThis as { fuzzRan?: unknown };
    let refused = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const source = article(r, true);
      let code: string | 'refused';
      try {
        code = await outcome(async () => (await mdx.process(source, resolve(`fuzz-${run}.mdx`), {})).code);
      } catch {
        // Not MDX at all (most random HTML is not valid JSX): the build stops at the syntax error.
        refused += 1;
        continue;
      }
      if (code === 'refused') {
        refused += 1;
        continue;
      }
      // Accepted: run it as the build would, and see that nothing the author wrote ran.
      const file = join(modules, `run-${run}.mjs`);
      // Astro's image imports resolve only inside Vite: stand-ins (images are not code).
      writeFileSync(
        file,
        code
          .replace(
            'import {Image as __AstroImage__} from "astro:assets";',
            'const __AstroImage__ = () => null;',
          )
          .replace(/^import (\w+) from "\.[^"]*";$/gm, 'const $1 = {};'),
      );
      delete sentinel.fuzzRan;
      const module = (await import(pathToFileURL(file).href)) as { default: (props: object) => unknown };
      module.default({ components: stubs });
      expect(sentinel.fuzzRan, `run ${run}: ${JSON.stringify(source)}`).toBeUndefined();
    }
    if (process.env['FUZZ_STATS']) console.log(`MDX: ${refused} refused, ${RUNS - refused} compiled and run`);
    expect(refused).toBeGreaterThan(RUNS / 2);
  });
});
