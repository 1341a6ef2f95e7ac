/**
 * Rules for which files under `content/` become entries. Astro's glob loader skips or overwrites
 * files without a word; these rules turn each such case into an error that names the file.
 */

import { splitFrontmatter } from './yaml.ts';
import type { Problem } from './problem.ts';
import { isSlug, SLUG } from './slug.ts';

/** A data file Astro loads: `<id>.yaml`, the id a slug. */
const DATA_FILE = new RegExp(`^${SLUG}\\.yaml$`);

/** The fix for a file nothing reads. */
export const UNREAD_FIX =
  'content/ holds articles/<slug>/index.md(x) with their photos, people/<id>.yaml, organisations/<id>.yaml, places/<id>.yaml, stories/<id>.yaml and countries.yaml; move or remove it';

const problem = (file: string, what: string, fix: string): Problem => ({
  file,
  field: '-',
  problem: what,
  fix,
});
const ARTICLE_INDEX = /^index\.(md|mdx)$/;

/**
 * Checks the article folder listing. `files` are paths relative to `base`, with '/' separators;
 * only Markdown-like files matter, images and other assets are ignored.
 */
export function articleFileProblems(base: string, files: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const indexes = new Map<string, string[]>();
  /** Folders holding files, to find one whose index.md is missing. */
  const folders = new Set<string>();
  for (const path of files) {
    const parts = path.split('/');
    const name = parts.at(-1) ?? '';
    if (name.startsWith('.')) continue;
    if (!/\.(md|mdx|markdown)$/i.test(name)) {
      if (parts.length === 2) folders.add(parts[0]!);
      continue;
    }
    if (parts.length !== 2 || !ARTICLE_INDEX.test(name)) {
      problems.push(
        problem(
          `${base}/${path}`,
          'is not loaded',
          'an article is <slug>/index.md or <slug>/index.mdx: rename or move it',
        ),
      );
      continue;
    }
    const slug = parts[0]!;
    if (!isSlug(slug)) {
      problems.push(
        problem(
          `${base}/${path}`,
          `folder "${slug}" is not a valid slug`,
          'use lower-case ASCII letters, digits and hyphens (drafts use "draft: true", not "_")',
        ),
      );
      continue;
    }
    indexes.set(slug, [...(indexes.get(slug) ?? []), path]);
  }
  for (const [slug, paths] of indexes) {
    if (paths.length > 1) {
      problems.push(
        problem(
          `${base}/${slug}/`,
          `has ${paths.join(' and ')}: two articles with the id "${slug}"`,
          'keep one',
        ),
      );
    }
  }
  for (const folder of folders) {
    if (!indexes.has(folder) && !problems.some((problem) => problem.file.includes(`/${folder}/`))) {
      problems.push(
        problem(
          `${base}/${folder}/`,
          'has files but no index.md or index.mdx',
          'add the article, or remove the folder',
        ),
      );
    }
  }
  if (indexes.size === 0 && problems.length === 0) {
    problems.push(problem(`${base}/`, 'holds no articles', 'add one with "npm run new -- \"Headline\""'));
  }
  return problems;
}

/** Checks a folder of one-YAML-file-per-entry data (people, organisations, places). */
export function dataFileProblems(base: string, files: readonly string[]): Problem[] {
  return files
    .filter((path) => !path.split('/').at(-1)!.startsWith('.'))
    .filter((path) => !DATA_FILE.test(path))
    .map((path) =>
      problem(
        `${base}/${path}`,
        'is not loaded',
        'each entry is one <id>.yaml file, id in lower-case letters, digits and hyphens',
      ),
    );
}

/**
 * Lines of the file before line 1 of the body as Astro hands it to remark, to turn body lines into
 * file lines. A Markdown body is trimmed, so it starts at the first non-blank line after the
 * frontmatter; MDX is compiled with the frontmatter blanked out, so its lines are file lines.
 */
export function bodyLineOffset(source: string, path = ''): number {
  if (/\.mdx$/i.test(path)) return 0;
  const frontmatter = splitFrontmatter(source);
  const start = frontmatter ? source.length - frontmatter.body.length : 0;
  const trimmed = /^\s*/.exec(source.slice(start))![0];
  return (source.slice(0, start) + trimmed).split('\n').length - 1;
}

/** The editor-facing part of the glob loader's "Error rendering ..." log line. */
export function renderErrorMessage(message: string): string {
  return message.replace(/^Error rendering \S+: Failed to parse Markdown file "[^"]*":\s*/, '');
}
