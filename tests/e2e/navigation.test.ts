/**
 * The header's sections in headless Chromium, against the real build, with JavaScript off: a row
 * of links from 40rem, a <details> menu below (320 px up), the current section marked, and the
 * footer's links to every section, the About page and the feed.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';

const baseURL = inject('baseURL');
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());
afterEach(async () => context?.close());

async function openPage(path: string, width: number): Promise<Page> {
  context = await browser.newContext({ baseURL, viewport: { width, height: 800 }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(path);
  return page;
}

const sections = (page: Page) => page.getByRole('navigation', { name: 'Sections' });

describe('the header, without JavaScript', () => {
  it('shows the sections in a row on a wide screen, and marks the current one', async () => {
    const page = await openPage('/people/', 1280);
    await expect(sections(page).count()).resolves.toBe(1);
    const people = sections(page).getByRole('link', { name: 'People' });
    expect(await people.isVisible()).toBe(true);
    expect(await people.getAttribute('aria-current')).toBe('page');
    expect(
      await sections(page).getByRole('link', { name: 'Timeline' }).getAttribute('aria-current'),
    ).toBeNull();
    expect(await page.getByRole('button', { name: 'Menu' }).count()).toBe(0);
  });

  it('marks the section of a page inside it', async () => {
    const page = await openPage('/people/', 1280);
    const person = await page.locator('main a[href^="/people/"]').first().getAttribute('href');
    await page.goto(person!);
    expect(await sections(page).getByRole('link', { name: 'People' }).getAttribute('aria-current')).toBe(
      'true',
    );
  });

  it('folds the sections into a menu at 320 px that opens, with every link reachable', async () => {
    const page = await openPage('/', 320);
    const countries = sections(page).getByRole('link', { name: 'Countries' });
    expect(await countries.isVisible()).toBe(false); // until the menu opens
    const menu = page.locator('summary', { hasText: 'Menu' });
    expect(await menu.isVisible()).toBe(true);
    await menu.click();
    expect(await countries.isVisible()).toBe(true);
    await countries.click();
    await page.waitForURL('**/countries/');
    expect(await page.locator('h1').textContent()).toContain('Countries');
    // Nothing is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  it('opens the menu from the keyboard', async () => {
    const page = await openPage('/', 320);
    expect(await sections(page).getByRole('link', { name: 'Timeline' }).isVisible()).toBe(false);
    await page.locator('summary', { hasText: 'Menu' }).focus();
    await page.keyboard.press('Enter');
    expect(await sections(page).getByRole('link', { name: 'Timeline' }).isVisible()).toBe(true);
  });
});

describe('the footer', () => {
  it('links every section, the About page and the feed', async () => {
    const page = await openPage('/', 1280);
    const footer = page.getByRole('navigation', { name: 'Site' });
    const header = await page
      .getByRole('navigation', { name: 'Sections' })
      .locator('ul')
      .first()
      .getByRole('link')
      .allTextContents();
    expect(header.length).toBeGreaterThanOrEqual(4);
    const names = (await footer.getByRole('link').allTextContents()).map((name) => name.trim());
    expect(names).toEqual([...header.map((name) => name.trim()), 'Archive', 'About', 'RSS feed']);
    await footer.getByRole('link', { name: 'About' }).click();
    await page.waitForURL('**/about/');
    expect(await page.locator('h1').textContent()).toBe('About Backstory');
  });
});
