/**
 * `npm run dev` with broken content: the server starts anyway, every page answers with the
 * problems the content rules found (`file:line  field  problem: fix`, as `check:content` prints
 * them), and the site comes back without a restart once the files are fixed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { projectCopy, removeCopy } from '../helpers/astro.ts';
import { startAstro, type AstroServer } from '../helpers/astro-server.ts';
import { launchBrowser } from '../helpers/browser.ts';

let root: string;
let dev: AstroServer;

const PERSON = 'content/people/ada-example.yaml';
const ARTICLE = 'content/articles/sample-story/index.md';
let person: string;
let article: string;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The article page's status and text, once it answers. */
async function page(): Promise<{ status: number; text: string }> {
  const response = await fetch(`${dev.origin}/articles/sample-story/`);
  return { status: response.status, text: await response.text() };
}

beforeAll(async () => {
  root = projectCopy(join(import.meta.dirname, '../fixtures/minimal'));
  person = readFileSync(join(root, PERSON), 'utf8');
  article = readFileSync(join(root, ARTICLE), 'utf8');
  // A YAML error in the registry (Astro's config reads it for the mention linker) and a typo'd id.
  writeFileSync(join(root, PERSON), `${person}aliases: [Ada\n`);
  writeFileSync(
    join(root, ARTICLE),
    article.replace('people: [ada-example, ben-example]', 'people: [ada-exmaple, ben-example]'),
  );
  dev = await startAstro('dev', root, (_, output) => output.includes('watching for file changes'));
}, 90_000);

afterAll(() => {
  dev?.stop();
  if (root) removeCopy(root);
});

it('starts, and shows each problem with its file, line, field and fix in the error overlay', async () => {
  expect((await page()).status).toBe(500);
  const browser = await launchBrowser();
  try {
    const tab = await browser.newPage();
    await tab.goto(`${dev.origin}/articles/sample-story/`);
    const overlay = tab.locator('vite-error-overlay');
    await overlay.waitFor({ state: 'attached', timeout: 20_000 });
    const text = await overlay.evaluate((element) => element.shadowRoot?.textContent ?? '');
    expect(text).toContain('content/people/ada-example.yaml:7  -  YAML syntax:');
    expect(text).toContain(
      'content/articles/sample-story/index.md:7  people[0]  unknown person "ada-exmaple": did you mean "ada-example"?',
    );
  } finally {
    await browser.close();
  }
}, 60_000);

it('serves the article without a restart once the files are fixed', async () => {
  writeFileSync(join(root, PERSON), person);
  writeFileSync(join(root, ARTICLE), article);
  let answer = await page();
  for (let tries = 0; tries < 60 && answer.status !== 200; tries += 1) {
    await pause(500);
    answer = await page();
  }
  expect(answer.status).toBe(200);
  expect(answer.text).toContain('Ministers meet in Paris');
}, 60_000);
