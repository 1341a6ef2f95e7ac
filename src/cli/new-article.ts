/**
 * Starts a new article as a draft:
 *   npm run new -- "Headline"                  (into content/articles/<slug>/)
 *   npm run new -- "Headline" --content <dir>  (any folder laid out like content/; or BACKSTORY_CONTENT)
 * Writes <slug>/index.mdx (MDX, so the explainer blocks work) with every field filled (see
 * article-template.ts) and a placeholder lead photo, dated today in the newsroom's zone. Never
 * overwrites: an existing folder is refused.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { tz } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { slugFor } from '../lib/new-slug.ts';
import { limits, site } from '../site.ts';
import { articleTemplate } from './article-template.ts';
import { drawPlaceholder } from './placeholder-image.ts';

const USAGE = 'usage: npm run new -- "Headline" [--content <folder>]';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { content: { type: 'string' } },
});
const headline = positionals.join(' ').trim();
if (!headline) {
  console.error(USAGE);
  process.exit(2);
}

let slug: string;
try {
  slug = slugFor(headline);
} catch (error) {
  console.error(`new: ${(error as Error).message}`);
  process.exit(2);
}

const contentDir = resolve(values.content ?? process.env['BACKSTORY_CONTENT'] ?? 'content');
const folder = join(contentDir, 'articles', slug);
const shown = (path: string) => relative(process.cwd(), path) || '.';
mkdirSync(join(contentDir, 'articles'), { recursive: true });
try {
  mkdirSync(folder);
} catch {
  console.error(
    `new: ${shown(folder)}/ already exists: edit that article, or give the new one another headline`,
  );
  process.exit(1);
}

const today = format(new Date(), 'yyyy-MM-dd', { in: tz(site.timeZone) });
const photo = 'lead.jpg';
/** MDX, so the explainer blocks (docs/editors-guide.md, "Explainer blocks") work from the start. */
const ARTICLE_FILE = 'index.mdx';
try {
  writeFileSync(join(folder, ARTICLE_FILE), articleTemplate({ headline, today, photo }), { flag: 'wx' });
  await drawPlaceholder(join(folder, photo), headline.length > 48 ? `${headline.slice(0, 47)}…` : headline);
} catch (error) {
  // Leave nothing half-made behind: the folder was created above, by this run.
  if (existsSync(folder)) rmSync(folder, { recursive: true, force: true });
  throw error;
}

console.log(`new: wrote ${shown(join(folder, ARTICLE_FILE))} (a draft) and ${photo} (a placeholder photo)
  1. Replace every TODO; \`npm run check:content\` lists what is left (as warnings, while it is a draft).
  2. See it at http://localhost:4321/articles/${slug}/ with \`npm run dev\`.
  3. Remove \`draft: true\` to publish it with the next \`npm run build\`.`);
if ([...headline].length > limits.title) {
  console.log(
    `note: the headline is ${[...headline].length} characters; search results and link previews show about ${limits.title}, and check:content will ask for a shorter title`,
  );
}
