/**
 * Checks every article, person and country and reports all problems in one run:
 *   npm run check:content              (the content/ folder)
 *   npm run check:content -- <folder>  (any folder laid out like content/; or BACKSTORY_CONTENT)
 * One line per problem, `file:line  field  problem: how to fix`; exits with 1 when there is any.
 * Runs in plain Node, before every build (`npm run build`, `npm start`) and in `npm test`.
 */
import './ts-resolve.ts';
import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const { checkContent } = await import('../lib/content-check.ts');
const { formatProblem } = await import('../lib/problem.ts');
const { bodyImageSources, shortMarkdownFindings } = await import('../lib/markdown.ts');
const { checkContentFile, listContentFiles, readContentFile } = await import('../content-files-on-disk.ts');
const { missingGlyphs, SHARE_TEXT_FACE, SHARE_TITLE_FACE } = await import('../lib/share-image-render.ts');
const { bodyChecker } = await import('./check-content-body.ts');

const started = performance.now();
const contentDir = resolve(process.argv[2] ?? process.env['BACKSTORY_CONTENT'] ?? 'content');
if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
  console.error(`check:content: no content folder at ${contentDir}`);
  process.exit(2);
}

const label = relative(process.cwd(), contentDir).split('\\').join('/') || '.';
const listing = listContentFiles(contentDir, label);
const configFile = fileURLToPath(new URL('../../astro.config.mjs', import.meta.url));

const report = await checkContent(
  {
    label,
    files: listing.files,
    listingProblems: listing.problems,
    read: (path, maxBytes) => readContentFile(resolve(contentDir, path), maxBytes),
    imageFile: (dir, src) => checkContentFile(contentDir, resolve(contentDir, dir), src, label),
    shortMarkdown: shortMarkdownFindings,
    bodyImages: bodyImageSources,
    undrawable: (text, face) => missingGlyphs(text, face === 'title' ? SHARE_TITLE_FACE : SHARE_TEXT_FACE),
  },
  { body: await bodyChecker(contentDir, configFile) },
);

const { articles, people, countries } = report.checked;
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const scope = `${plural(articles, 'article')}, ${plural(people, 'person', 'people')}, ${plural(countries, 'country', 'countries')}`;
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (report.problems.length > 0) {
  for (const problem of report.problems) console.error(formatProblem(problem));
  const fileCount = new Set(report.problems.map((problem) => problem.file)).size;
  console.error(
    `\ncheck:content: ${plural(report.problems.length, 'problem')} in ${plural(fileCount, 'file')} (checked ${scope} in ${seconds} s)`,
  );
  process.exit(1);
}
console.log(`check:content: no problems (checked ${scope} in ${seconds} s)`);
