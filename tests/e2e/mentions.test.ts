/**
 * Who's-who cards in headless Chromium: each linked mention becomes a button that opens its card
 * with keyboard and pointer, focus moves into the card and back, Escape closes it; without
 * JavaScript the mention stays a link to the entity page.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';

const baseURL = inject('baseURL');
const ARTICLE = '/articles/coalition-of-the-willing-paris/';
const CARD = '#card-person-volodymyr-zelensky';

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
  if (options.javaScriptEnabled !== false) await page.waitForFunction(() => customElements.get('mention-cards'));
  return page;
}

const isOpen = (page: Page) => page.locator(CARD).evaluate((card) => card.matches(':popover-open'));
const mention = (page: Page) => page.locator('.prose button.mention', { hasText: 'Volodymyr Zelensky' });

describe('mention cards', () => {
  it('turns every linked mention into a button controlling its card', async () => {
    const page = await open();
    expect(await page.locator('.prose a.mention').count()).toBe(0);
    const buttons = await page.locator('.prose button.mention').evaluateAll((list) =>
      list.map((button) => document.getElementById(button.getAttribute('popovertarget') ?? '') !== null),
    );
    expect(buttons.length).toBeGreaterThan(5);
    expect(buttons.every(Boolean)).toBe(true);
  });

  it('opens with Enter, moves focus into the card with Tab, and Escape closes it and returns focus', async () => {
    const page = await open();
    await mention(page).focus();
    await page.keyboard.press('Enter');
    expect(await isOpen(page)).toBe(true);
    await expect.poll(() => page.locator(CARD).textContent()).toContain('President of Ukraine');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[popover]')?.id)).toBe('card-person-volodymyr-zelensky');
    await page.keyboard.press('Escape');
    expect(await isOpen(page)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Volodymyr Zelensky');
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

  it('shows the native name with its language, and links to the person page', async () => {
    const page = await open();
    await mention(page).click();
    expect(await page.locator(`${CARD} bdi[lang="uk"]`).textContent()).toBe('Володимир Зеленський');
    await page.locator(`${CARD} a`).click();
    await page.waitForURL('**/people/volodymyr-zelensky/');
  });

  it('keeps the mention a plain link to the person page without JavaScript', async () => {
    const page = await open({ javaScriptEnabled: false });
    const link = page.locator('.prose a.mention', { hasText: 'Volodymyr Zelensky' });
    expect(await link.getAttribute('href')).toBe('/people/volodymyr-zelensky/');
    expect(await page.locator(CARD).isVisible()).toBe(false);
    await link.click();
    await page.waitForURL('**/people/volodymyr-zelensky/');
  });
});
