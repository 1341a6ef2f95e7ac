/**
 * The baseline for the build-scale benchmark: a bare Astro site with one plain Markdown page per
 * article (the same synthetic article text), no integrations, no layout, no images, using the
 * Astro of this project's node_modules. Our build time is reported as a multiple of its time.
 */
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../helpers/astro.ts';
import { articleBody, slugOf, syntheticPeople } from './synthetic.ts';

function frontmatterString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function writePage(root: string, index: number, edit = 0): string {
  const { title, body } = articleBody(index, syntheticPeople(), edit);
  const file = join(root, 'src/pages/articles', `${slugOf(index)}.md`);
  writeFileSync(file, `---\ntitle: ${frontmatterString(title)}\n---\n\n# ${title}\n\n${body}`);
  return file;
}

/** Creates the bare site with `count` pages in a new temporary folder; returns its root. */
export function bareSite(count: number): string {
  const root = mkdtempSync(join(tmpdir(), 'backstory-bare-'));
  mkdirSync(join(root, 'src/pages/articles'), { recursive: true });
  writeFileSync(join(root, 'package.json'), '{ "name": "bare-astro", "private": true, "type": "module" }\n');
  writeFileSync(
    join(root, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\n\nexport default defineConfig({});\n",
  );
  // Packages linked one by one, as tests/helpers/astro.ts does, so Astro's caches stay in this copy.
  mkdirSync(join(root, 'node_modules'));
  for (const name of readdirSync(join(projectRoot, 'node_modules'))) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    symlinkSync(join(projectRoot, 'node_modules', name), join(root, 'node_modules', name));
  }
  for (let index = 0; index < count; index += 1) writePage(root, index);
  return root;
}

/** Rewrites page `index` of the bare site with an extra sentence (the "one article changed" build). */
export function editBarePage(root: string, index: number, edit = 1): string {
  return writePage(root, index, edit);
}
