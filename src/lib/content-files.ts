/**
 * Rules for which files under `content/` become entries. Astro's glob loader skips or overwrites
 * files without a word; these rules turn each such case into an error that names the file.
 */

export interface ContentFileProblem {
  file: string;
  problem: string;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ARTICLE_INDEX = /^index\.(md|mdx)$/;

/**
 * Checks the article folder listing. `files` are paths relative to `base`, with '/' separators;
 * only Markdown-like files matter, images and other assets are ignored.
 */
export function articleFileProblems(base: string, files: readonly string[]): ContentFileProblem[] {
  const problems: ContentFileProblem[] = [];
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
      problems.push({
        file: `${base}/${path}`,
        problem: 'is not loaded: an article is <slug>/index.md or <slug>/index.mdx',
      });
      continue;
    }
    const slug = parts[0]!;
    if (!SLUG.test(slug)) {
      problems.push({
        file: `${base}/${path}`,
        problem: `folder "${slug}" is not a valid slug: use lower-case ASCII letters, digits and hyphens (drafts use "draft: true", not "_")`,
      });
      continue;
    }
    indexes.set(slug, [...(indexes.get(slug) ?? []), path]);
  }
  for (const [slug, paths] of indexes) {
    if (paths.length > 1) {
      problems.push({
        file: `${base}/${slug}/`,
        problem: `has ${paths.join(' and ')}: two articles with the id "${slug}"; keep one`,
      });
    }
  }
  for (const folder of folders) {
    if (!indexes.has(folder) && !problems.some((problem) => problem.file.includes(`/${folder}/`))) {
      problems.push({
        file: `${base}/${folder}/`,
        problem: 'has files but no index.md or index.mdx: the article would be skipped',
      });
    }
  }
  if (indexes.size === 0 && problems.length === 0) {
    problems.push({ file: `${base}/`, problem: 'holds no articles: expected <slug>/index.md' });
  }
  return problems;
}

/** Checks a folder of one-YAML-file-per-entry data (people). */
export function dataFileProblems(base: string, files: readonly string[]): ContentFileProblem[] {
  return files
    .filter((path) => !path.split('/').at(-1)!.startsWith('.'))
    .filter((path) => !/^[a-z0-9]+(?:-[a-z0-9]+)*\.yaml$/.test(path))
    .map((path) => ({
      file: `${base}/${path}`,
      problem:
        'is not loaded: each entry is one <id>.yaml file, id in lower-case letters, digits and hyphens',
    }));
}

/** One readable error for a list of problems. */
export function formatProblems(problems: readonly ContentFileProblem[]): string {
  return problems.map(({ file, problem }) => `${file}: ${problem}`).join('\n');
}

/**
 * Lines of the file before line 1 of the body as Astro hands it to remark, to turn body lines into
 * file lines. A Markdown body is trimmed, so it starts at the first non-blank line after the
 * frontmatter; MDX is compiled with the frontmatter blanked out, so its lines are file lines.
 */
export function bodyLineOffset(source: string, path = ''): number {
  if (/\.mdx$/i.test(path)) return 0;
  const match = /^---\r?\n[\s\S]*?\r?\n---[ \t]*\r?\n(?:[ \t]*\r?\n)*/.exec(source);
  return match ? match[0].split('\n').length - 1 : 0;
}

/** The editor-facing part of the glob loader's "Error rendering ..." log line. */
export function renderErrorMessage(message: string): string {
  return message.replace(/^Error rendering \S+: Failed to parse Markdown file "[^"]*":\s*/, '');
}
