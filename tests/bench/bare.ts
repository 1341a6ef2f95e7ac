/**
 * The baselines for the build-scale benchmark, using the Astro of this project's node_modules and
 * the same synthetic article text:
 * - bare: one plain Markdown page per article, no integrations, no layout, no images. Our build
 *   time is reported, and budgeted, as a multiple of its time.
 * - collection: the least a site with our content model builds: the articles as a content
 *   collection (glob loader), `@astrojs/mdx`, and one page per entry keyed for the incremental
 *   build, as ours are. Reported beside the budget, to tell Astro's cost of a collection from ours.
 */
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../helpers/astro.ts';
import { articleBody, slugOf, syntheticPeople } from './synthetic.ts';

export const BASELINES = ['bare', 'collection'] as const;
export type Baseline = (typeof BASELINES)[number];

function frontmatterString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

const CONFIG: Record<Baseline, string> = {
  bare: "import { defineConfig } from 'astro/config';\n\nexport default defineConfig({});\n",
  collection: `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({ integrations: [mdx()], experimental: { incrementalBuild: true } });
`,
};

const COLLECTION_FILES = {
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

export const collections = {
  articles: defineCollection({
    loader: glob({ base: './content/articles', pattern: '*.md' }),
    schema: z.object({ title: z.string() }),
  }),
};
`,
  'src/pages/articles/[slug].astro': `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  return (await getCollection('articles')).map((entry) => ({
    params: { slug: entry.id },
    props: { entry },
    cacheKey: entry.digest,
  }));
}

const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en"><head><title>{entry.data.title}</title></head><body><h1>{entry.data.title}</h1><Content /></body></html>
`,
};

/** Where the Markdown of article `index` goes in a baseline site. */
function pageFile(root: string, baseline: Baseline, index: number): string {
  return join(root, baseline === 'bare' ? 'src/pages/articles' : 'content/articles', `${slugOf(index)}.md`);
}

function writePage(root: string, baseline: Baseline, index: number, edit = 0): string {
  const { title, body } = articleBody(index, syntheticPeople(), edit);
  const file = pageFile(root, baseline, index);
  writeFileSync(file, `---\ntitle: ${frontmatterString(title)}\n---\n\n# ${title}\n\n${body}`);
  return file;
}

/** Creates a baseline site with `count` articles in a new temporary folder; returns its root. */
export function baselineSite(baseline: Baseline, count: number): string {
  const root = mkdtempSync(join(tmpdir(), `backstory-${baseline}-`));
  mkdirSync(join(root, 'src/pages/articles'), { recursive: true });
  if (baseline === 'collection') mkdirSync(join(root, 'content/articles'), { recursive: true });
  writeFileSync(
    join(root, 'package.json'),
    `{ "name": "${baseline}-astro", "private": true, "type": "module" }\n`,
  );
  writeFileSync(join(root, 'astro.config.mjs'), CONFIG[baseline]);
  if (baseline === 'collection') {
    for (const [path, text] of Object.entries(COLLECTION_FILES)) writeFileSync(join(root, path), text);
  }
  // Packages linked one by one, as tests/helpers/astro.ts does, so Astro's caches stay in this copy.
  mkdirSync(join(root, 'node_modules'));
  for (const name of readdirSync(join(projectRoot, 'node_modules'))) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    symlinkSync(join(projectRoot, 'node_modules', name), join(root, 'node_modules', name));
  }
  for (let index = 0; index < count; index += 1) writePage(root, baseline, index);
  return root;
}

/** Rewrites article `index` of a baseline site with an extra sentence (the "one article changed" build). */
export function editBaselinePage(root: string, baseline: Baseline, index: number, edit = 1): string {
  return writePage(root, baseline, index, edit);
}
