/** Reading the real content/ folder the way an editor wrote it (raw frontmatter, no schema). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from './astro.ts';

export interface RawArticle {
  slug: string;
  data: Record<string, any>;
  body: string;
}

/**
 * The articles a build publishes, sorted by slug: drafts (`draft: true`) are left out, as the
 * build leaves them out, unless `drafts` is set.
 */
export function rawArticles(root = join(projectRoot, 'content'), { drafts = false } = {}): RawArticle[] {
  return readdirSync(join(root, 'articles'))
    .sort()
    .map((slug) => {
      const folder = join(root, 'articles', slug);
      const source = readFileSync(
        join(folder, existsSync(join(folder, 'index.mdx')) ? 'index.mdx' : 'index.md'),
        'utf8',
      );
      const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
      return { slug, data: parse(frontmatter) ?? {}, body };
    })
    .filter(({ data }) => drafts || data['draft'] !== true);
}
