/**
 * The folders of src/ are layers, and imports only go down (docs/architecture.md):
 * site.ts < lib < files < share-image < markdown < schema < model < seo < components (and styles)
 * < layouts < pages (with content.config.ts) < build and cli. `lib/` is pure: no disk, no
 * drawing, no Astro runtime, no clock, environment or global state. Code shipped to browsers is named `*.client.ts`,
 * is imported only from a component's `<script>`, and imports only `lib/` and other client code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/astro';

const LAYERS: readonly (readonly string[])[] = [
  ['site.ts'],
  ['lib'],
  ['files'],
  ['share-image'],
  ['markdown'],
  ['schema'],
  ['model'],
  ['seo'],
  ['components', 'styles'],
  ['layouts'],
  ['pages', 'content.config.ts', 'env.d.ts'],
  ['build', 'cli'],
];

/** Modules `lib/` may not import: they read or write the disk, draw, or need Astro's runtime. */
const IMPURE = /^(?:node:(?!crypto$|path$)|astro:|astro$|vite$|sharp$|satori$)/;

const layerOf = (file: string) => LAYERS.findIndex((names) => names.includes(file.split('/')[0]!));

interface Import {
  from: string;
  /** Path inside src/ for a relative import, else the package or built-in as written. */
  to: string;
  /** In a component's `<script>`: code for the browser. */
  client: boolean;
  /** Written as a relative path ('./x.ts', '../lib/y.ts'). */
  relative: boolean;
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|new URL\(\s*)(['"])([^'"\n]+)\1/g;
const SCRIPT = /<script(?![^>]*type="application\/ld\+json")[^>]*>([\s\S]*?)<\/script>/g;

/** Every import of each file (paths inside src/, with `/`). */
function importsOf(files: ReadonlyMap<string, string>): Import[] {
  const found: Import[] = [];
  for (const [from, source] of files) {
    const scripts = from.endsWith('.astro') ? [...source.matchAll(SCRIPT)].map((match) => match[1]!) : [];
    const server = scripts.reduce((rest, script) => rest.replace(script, ''), source);
    const parts: [string, boolean][] = [
      [server, false],
      ...scripts.map((script): [string, boolean] => [script, true]),
    ];
    for (const [code, client] of parts) {
      for (const [, , specifier] of code.matchAll(IMPORT)) {
        const relative = specifier!.startsWith('.');
        const to = relative ? posix.normalize(posix.join(posix.dirname(from), specifier!)) : specifier!;
        found.push({ from, to, client, relative });
      }
    }
  }
  return found;
}

/** What breaks the layering, one line per import. */
function layerProblems(files: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const isClient = (path: string) => path.endsWith('.client.ts');
  for (const { from, to, client, relative } of importsOf(files)) {
    const local = relative && !to.startsWith('../');
    if (local && !files.has(to))
      problems.push(`${from} imports ${to}: no such file (a relative import names its file, .ts included)`);
    const edge = layerOf(from) === LAYERS.length - 1;
    if (relative && !local && !edge && !to.startsWith('../public/'))
      problems.push(`${from} imports ${to}: outside src/ (only public/ files, or from build/ and cli/)`);
    if (from.startsWith('lib/')) {
      if (!local && IMPURE.test(to)) problems.push(`${from} imports ${to}: lib/ is pure`);
      if (local && !to.startsWith('lib/') && to !== 'site.ts')
        problems.push(`${from} imports ${to}: lib/ imports only lib/`);
    }
    if (local && layerOf(to) > layerOf(from)) problems.push(`${from} imports ${to}: an upward import`);
    if (client && !isClient(to)) problems.push(`${from} <script> imports ${to}: browser code is *.client.ts`);
    if (!client && !isClient(from) && isClient(to))
      problems.push(`${from} imports ${to}: *.client.ts is for <script> only`);
    if (isClient(from) && local && !to.startsWith('lib/') && !isClient(to))
      problems.push(`${from} imports ${to}: browser code imports only lib/ and *.client.ts`);
  }
  for (const [path, source] of files) {
    if (path.startsWith('lib/') && /\bglobalThis\b|\bprocess\.env\b|\bDate\.now\(|new Date\(\)/.test(source))
      problems.push(`${path} reads the environment, the clock or global state: lib/ is pure`);
    if (layerOf(path) < 0) problems.push(`${path} is in no layer: add its folder to LAYERS`);
  }
  return problems;
}

function sourceFiles(): Map<string, string> {
  const root = join(projectRoot, 'src');
  const files = new Map<string, string>();
  for (const entry of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const path = entry.split('\\').join('/');
    if (/\.(ts|astro|css)$/.test(path)) files.set(path, readFileSync(join(root, path), 'utf8'));
  }
  return files;
}

describe('the layers of src/', () => {
  it('has no upward import, a pure lib/, and browser code only in *.client.ts', () => {
    expect(layerProblems(sourceFiles())).toEqual([]);
  });

  it('has every folder of src/ in a layer', () => {
    const folders = readdirSync(join(projectRoot, 'src'));
    expect(folders.filter((name) => layerOf(name) < 0)).toEqual([]);
  });

  it('finds each kind of break', () => {
    const files = new Map([
      [
        'lib/pure.ts',
        "import { readFileSync } from 'node:fs';\nimport { data } from '../model/data.ts';\nimport { up } from '../model/data';\nimport x from '../../secrets.txt';\n(globalThis as any).x = 1;",
      ],
      [
        'model/data.ts',
        "import { Card } from '../components/Card.astro';\nimport '../components/menu.client.ts';",
      ],
      [
        'components/Card.astro',
        "---\nimport { x } from '../lib/pure.ts';\n---\n<script>\n  import './menu.ts';\n</script>",
      ],
      ['components/menu.ts', ''],
      ['components/menu.client.ts', "import { data } from '../model/data.ts';"],
    ]);
    expect(layerProblems(files)).toEqual([
      'lib/pure.ts imports node:fs: lib/ is pure',
      'lib/pure.ts imports model/data.ts: lib/ imports only lib/',
      'lib/pure.ts imports model/data.ts: an upward import',
      'lib/pure.ts imports model/data: no such file (a relative import names its file, .ts included)',
      'lib/pure.ts imports model/data: lib/ imports only lib/',
      'lib/pure.ts imports model/data: an upward import',
      'lib/pure.ts imports ../secrets.txt: outside src/ (only public/ files, or from build/ and cli/)',
      'model/data.ts imports components/Card.astro: an upward import',
      'model/data.ts imports components/menu.client.ts: an upward import',
      'model/data.ts imports components/menu.client.ts: *.client.ts is for <script> only',
      'components/Card.astro <script> imports components/menu.ts: browser code is *.client.ts',
      'components/menu.client.ts imports model/data.ts: browser code imports only lib/ and *.client.ts',
      'lib/pure.ts reads the environment, the clock or global state: lib/ is pure',
    ]);
  });
});
