/**
 * Checks every article, person and country and reports all problems in one run:
 *   npm run check:content              (the content/ folder)
 *   npm run check:content -- <folder>  (any folder laid out like content/; or BACKSTORY_CONTENT)
 * One line per problem, `file:line  field  problem: how to fix`; exits with 1 when there is any.
 * Warnings (a `TODO` left in a draft) are listed apart, each line starting with `warning: `, and
 * leave the exit code alone: they stop nothing.
 * Runs in plain Node; `npm run build` applies the same rules as it loads the content, and `npm test` runs this.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { plural } from '../lib/plural.ts';
import { formatProblem } from '../lib/problem.ts';
import { checkContent } from '../schema/content-check.ts';
import { contentSource } from '../schema/content-source.ts';
import { bodyChecker } from './check-content-body.ts';

const started = performance.now();
const contentDir = resolve(process.argv[2] ?? process.env['BACKSTORY_CONTENT'] ?? 'content');
if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
  console.error(`check:content: no content folder at ${contentDir}`);
  process.exit(2);
}

const configFile = fileURLToPath(new URL('../../astro.config.mjs', import.meta.url));

const report = await checkContent(contentSource(contentDir), {
  body: await bodyChecker(contentDir, configFile),
});

const { articles, people, countries, organisations, places, stories } = report.checked;
// Organisations, places and stories are optional folders: named only when the content has some.
const scope = [
  plural(articles, 'article'),
  plural(people, 'person', 'people'),
  ...(organisations > 0 ? [plural(organisations, 'organisation')] : []),
  ...(places > 0 ? [plural(places, 'place')] : []),
  ...(stories > 0 ? [plural(stories, 'story', 'stories')] : []),
  plural(countries, 'country', 'countries'),
].join(', ');
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const { problems, warnings } = report;
const inFiles = (list: readonly { file: string }[], one: string) =>
  `${plural(list.length, one)} in ${plural(new Set(list.map((problem) => problem.file)).size, 'file')}`;
// Warnings first, apart: the errors, which stop the build, stay next to the summary.
if (warnings.length > 0) {
  console.error('Warnings (they stop nothing; a draft may hold them until it is published):');
  for (const warning of warnings) console.error(formatProblem(warning));
  console.error(problems.length > 0 ? '\nProblems:' : '');
}
const warned = warnings.length > 0 ? `; ${inFiles(warnings, 'warning')}` : '';
if (problems.length > 0) {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(
    `\ncheck:content: ${inFiles(problems, 'problem')}${warned} (checked ${scope} in ${seconds} s)`,
  );
  process.exit(1);
}
console.log(`check:content: no problems${warned} (checked ${scope} in ${seconds} s)`);
