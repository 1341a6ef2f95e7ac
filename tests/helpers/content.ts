/** Reading the real content/ folder the way an editor wrote it (raw frontmatter, no schema). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from './astro';

export interface RawArticle {
  slug: string;
  data: Record<string, any>;
  body: string;
}

export function rawArticles(root = join(projectRoot, 'content')): RawArticle[] {
  return readdirSync(join(root, 'articles')).map((slug) => {
    const source = readFileSync(join(root, 'articles', slug, 'index.md'), 'utf8');
    const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
    return { slug, data: parse(frontmatter), body };
  });
}
