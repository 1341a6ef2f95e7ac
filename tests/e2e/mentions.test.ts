/**
 * Who's-who cards in headless Chromium: each linked mention becomes a button that opens its card
 * with keyboard and pointer, focus moves into the card and back, Escape closes it; without
 * JavaScript the mention stays a link to the entity page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../helpers/astro.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { rawArticles } from '../helpers/content.ts';
import { readPage } from '../helpers/dist.ts';
import { textOf } from '../helpers/render.ts';

const baseURL = inject('baseURL');
const distDir = inject('e2eDistDir');

/**
 * The first person mention of the first article that has one, from the built HTML: any content
 * will do. The native-name case uses the first mentioned person who has a native name.
 */
const mentions = rawArticles().flatMap(({ slug }) =>
  readPage(distDir, `articles/${slug}/index.html`)
    .querySelectorAll('.prose a.mention')
    .map((link) => ({ slug, link, mention: link.getAttribute('data-mention')! })),
);
const personMentions = mentions
  .filter(({ mention }) => mention.startsWith('person:'))
  .map(({ slug, link, mention }) => {
    const id = mention.slice('person:'.length);
    const person = parseYaml(readFileSync(join(projectRoot, 'content/people', `${id}.yaml`), 'utf8'));
    return { slug, id, text: textOf(link), person };
  });
const first = personMentions[0];
const ARTICLE = first ? `/articles/${first.slug}/` : '/';
const CARD = first ? `#card-person-${first.id}` : '';
const withNativeName = personMentions.find(({ person }) => person.nativeName);

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await context?.close();
});

async function open(options: BrowserContextOptions = {}): Promise<Page> {
  context = await browser.newContext({ baseURL, viewport: { width: 390, height: 800 }, ...options });
  const page = await context.newPage();
  await page.goto(ARTICLE);
  if (options.javaScriptEnabled !== false)
    await page.waitForFunction(() => customElements.get('mention-cards'));
  return page;
}

const isOpen = (page: Page) => page.locator(CARD).evaluate((card) => card.matches(':popover-open'));
const mention = (page: Page, id = first!.id) =>
  page.locator(`.prose button.mention[popovertarget="card-person-${id}"]`);

if (first === undefined) {
  describe('mention cards', () => {
    it.skip('no article of content/ mentions a registered person in its text, so there is no card to open', () => {});
  });
}

describe.runIf(first !== undefined)('mention cards', () => {
  it('turns every linked mention into a button controlling its card', async () => {
    const page = await open();
    expect(await page.locator('.prose a.mention').count()).toBe(0);
    const buttons = await page
      .locator('.prose button.mention')
      .evaluateAll((list) =>
        list.map((button) => document.getElementById(button.getAttribute('popovertarget') ?? '') !== null),
      );
    const linked = mentions.filter(({ slug }) => slug === first!.slug).length;
    expect(buttons.length).toBe(linked);
    expect(buttons.every(Boolean)).toBe(true);
  });

  it('opens with Enter, moves focus into the card with Tab, and Escape closes it and returns focus', async () => {
    const page = await open();
    await mention(page).focus();
    await page.keyboard.press('Enter');
    expect(await isOpen(page)).toBe(true);
    await expect.poll(() => page.locator(CARD).textContent()).toContain(first!.person.name);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[popover]')?.id)).toBe(
      `card-person-${first!.id}`,
    );
    await page.keyboard.press('Escape');
    expect(await isOpen(page)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(first!.text);
  });

  it('opens and closes with the pointer, and an outside click dismisses it', async () => {
    const page = await open();
    await mention(page).click();
    expect(await isOpen(page)).toBe(true);
    await mention(page).click();
    expect(await isOpen(page)).toBe(false);
    await mention(page).click();
    await page.mouse.click(5, 5);
    expect(await isOpen(page)).toBe(false);
  });

  it('opens with a tap on a touch screen', async () => {
    const page = await open({ hasTouch: true, isMobile: true });
    await mention(page).tap();
    expect(await isOpen(page)).toBe(true);
  });

  it.runIf(withNativeName !== undefined)(
    'shows the native name with its language, and links to the person page',
    async () => {
      const { slug, id, person } = withNativeName!;
      context = await browser.newContext({ baseURL, viewport: { width: 390, height: 800 } });
      const page = await context.newPage();
      await page.goto(`/articles/${slug}/`);
      await page.waitForFunction(() => customElements.get('mention-cards'));
      await mention(page, id).click();
      const card = `#card-person-${id}`;
      expect(await page.locator(`${card} bdi[lang="${person.nativeName.lang}"]`).textContent()).toBe(
        person.nativeName.text,
      );
      await page.locator(`${card} a[href="/people/${id}/"]`).click();
      await page.waitForURL(`**/people/${id}/`);
    },
  );

  it('keeps the mention a plain link to the person page without JavaScript', async () => {
    const page = await open({ javaScriptEnabled: false });
    const link = page.locator(`.prose a.mention[data-mention="person:${first!.id}"]`);
    expect(await link.getAttribute('href')).toBe(`/people/${first!.id}/`);
    expect(await page.locator(CARD).isVisible()).toBe(false);
    await link.click();
    await page.waitForURL(`**/people/${first!.id}/`);
  });
});
