/**
 * The gallery lightbox in headless Chromium, against the real build: opening, keyboard, focus,
 * history, deep links, touch, reduced motion, and the photo pages a reader without JavaScript gets.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot, runAstro } from '../helpers/astro.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { serveDist } from '../helpers/server.ts';

/** The first article with at least three photos, and its photo ids in page order. */
function galleryArticle(distDir: string): { path: string; ids: string[] } | undefined {
  for (const slug of readdirSync(join(distDir, 'articles')).sort()) {
    const html = readFileSync(join(distDir, 'articles', slug, 'index.html'), 'utf8');
    const ids = [...html.matchAll(/<a [^>]*data-photo="([^"]+)"/g)].map((match) => match[1]!);
    if (ids.length >= 3) return { path: `/articles/${slug}/`, ids };
  }
  return undefined;
}

/**
 * The real site when one of its articles has three photos; otherwise (content/ may have none)
 * tests/fixtures/photos/, built and served here, whose `placed-photos` article has four.
 */
async function gallerySite() {
  const real = galleryArticle(inject('e2eDistDir'));
  if (real) return { baseURL: inject('baseURL'), ...real, close: async () => {} };
  const build = runAstro('build', { content: join(projectRoot, 'tests/fixtures/photos') });
  if (build.status !== 0) throw new Error(`the photos fixture must build:\n${build.output}`);
  const server = await serveDist(build.distDir);
  const fixture = galleryArticle(build.distDir);
  if (!fixture) throw new Error('tests/fixtures/photos/ must keep an article with three photos');
  return {
    baseURL: server.url,
    ...fixture,
    close: async () => {
      await server.close();
      rmSync(build.root, { recursive: true, force: true });
    },
  };
}

const gallery = await gallerySite();
const { baseURL, path, ids } = gallery;
const total = ids.length;

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await gallery.close();
  await browser?.close();
});
afterEach(async () => {
  await context?.close();
});

async function openPage(url = path, options: BrowserContextOptions = {}): Promise<Page> {
  context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  if (options.javaScriptEnabled !== false) await waitForLightbox(page);
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}

/** Module scripts run after parsing: on a page with a lightbox, wait until its element is defined. */
async function waitForLightbox(page: Page) {
  if (await page.locator('photo-lightbox').count())
    await page.waitForFunction(() => customElements.get('photo-lightbox'));
}

const dialog = (page: Page) => page.locator('dialog.lightbox');
const link = (page: Page, id: string) => page.locator(`a[data-photo="${id}"]`);
const isOpen = (page: Page) => dialog(page).evaluate((element: HTMLDialogElement) => element.open);
const position = (page: Page) => page.locator('[data-position]').textContent();
const hash = (page: Page) => page.evaluate(() => location.hash);
/** Where focus is: 'dialog', the `data-photo` id of a gallery link, or the tag name. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (element?.closest('dialog')) return 'dialog';
    return element instanceof HTMLElement ? (element.dataset['photo'] ?? element.tagName) : 'none';
  });
/** The alt text of the photo shown in the dialog. */
const shownAlt = (page: Page) => dialog(page).locator('img').getAttribute('alt');
const altOf = (page: Page, id: string) => link(page, id).locator('img').getAttribute('alt');

async function expectShowing(page: Page, index: number) {
  expect(await isOpen(page)).toBe(true);
  expect(await position(page)).toBe(`Photo ${index + 1} of ${total}`);
  expect(await hash(page)).toBe(`#photo-${ids[index]}`);
  expect(await shownAlt(page)).toBe(await altOf(page, ids[index]!));
}

describe('opening', () => {
  it('opens the lead photo on click, large, with its caption and credit, focus inside', async () => {
    const page = await openPage();
    await link(page, ids[0]!).click();
    await expectShowing(page, 0);
    const figcaption = (await page.locator(`#photo-${ids[0]} figcaption`).textContent())!.trim();
    expect((await dialog(page).locator('figcaption').textContent())!.trim()).toBe(figcaption);
    expect(await dialog(page).locator('figcaption .credit').textContent()).toMatch(/^Photo: \S/);
    expect(await focused(page)).toBe('dialog');
    // Large: the image takes most of the viewport's width or height.
    const box = (await dialog(page).locator('img').boundingBox())!;
    expect(box.width > 1280 * 0.6 || box.height > 900 * 0.5).toBe(true);
    // The photo's own page is one link away.
    expect(await dialog(page).locator('[data-permalink]').getAttribute('href')).toBe(
      `${baseURL}${path}photos/${ids[0]}/`,
    );
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
  });

  it('opens a gallery photo with Enter on its focused link', async () => {
    const page = await openPage();
    await link(page, ids[1]!).focus();
    await page.keyboard.press('Enter');
    await expectShowing(page, 1);
  });

  it('leaves a Ctrl-click (new tab) to the browser', async () => {
    const page = await openPage();
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      link(page, ids[1]!).click({ modifiers: ['ControlOrMeta'] }),
    ]);
    await popup.waitForLoadState();
    expect(new URL(popup.url()).pathname).toBe(`${path}photos/${ids[1]}/`);
    expect(await isOpen(page)).toBe(false);
  });
});

describe('keyboard and touch', () => {
  it('moves with the arrow keys, Home and End, looping at the ends, without adding history', async () => {
    const page = await openPage();
    await link(page, ids[0]!).click();
    const length = await page.evaluate(() => history.length);
    await page.keyboard.press('ArrowRight');
    await expectShowing(page, 1);
    await page.keyboard.press('ArrowLeft');
    await expectShowing(page, 0);
    await page.keyboard.press('End');
    await expectShowing(page, total - 1);
    await page.keyboard.press('ArrowRight');
    await expectShowing(page, 0);
    await page.keyboard.press('ArrowLeft');
    await expectShowing(page, total - 1);
    await page.keyboard.press('Home');
    await expectShowing(page, 0);
    expect(await page.evaluate(() => history.length)).toBe(length);
  });

  it('moves with the Previous and Next buttons', async () => {
    const page = await openPage();
    await link(page, ids[0]!).click();
    await dialog(page).getByRole('button', { name: 'Next' }).click();
    await expectShowing(page, 1);
    await dialog(page).getByRole('button', { name: 'Previous' }).click();
    await expectShowing(page, 0);
  });

  it('announces the position in a live region', async () => {
    const page = await openPage();
    await link(page, ids[0]!).click();
    expect(await page.locator('[data-position]').getAttribute('aria-live')).toBe('polite');
    await expect(dialog(page).getAttribute('aria-labelledby')).resolves.toBe('lightbox-position');
  });

  it('moves with a swipe on a touch screen', async () => {
    const page = await openPage(path, {
      hasTouch: true,
      isMobile: true,
      viewport: { width: 390, height: 844 },
    });
    await link(page, ids[0]!).click();
    const box = (await dialog(page).locator('img').boundingBox())!;
    const y = box.y + box.height / 2;
    const cdp = await context.newCDPSession(page);
    const touch = (type: string, x: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x, y }],
      } as never);
    await touch('touchStart', 320);
    for (const x of [280, 220, 160, 100]) await touch('touchMove', x);
    await touch('touchEnd', 100);
    await expectShowing(page, 1);
  });
});

describe('focus', () => {
  it('keeps Tab and Shift+Tab cycling through the dialog’s controls', async () => {
    const page = await openPage();
    await link(page, ids[1]!).click();
    const name = () =>
      page.evaluate(() => {
        const element = document.activeElement;
        return element?.closest('dialog') ? element.textContent!.replace(/[^\w ]/g, '').trim() : 'outside';
      });
    // showModal() focuses the autofocus control.
    expect(await name()).toBe('Close');
    const forward: string[] = [];
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      forward.push(await name());
    }
    expect(forward.slice(0, 5)).toEqual(['Previous', 'Next', 'Photo page', 'Share', 'Close']);
    expect(forward.slice(5)).toEqual(forward.slice(0, 5));
    const backward: string[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Shift+Tab');
      backward.push(await name());
    }
    expect(backward).toEqual(['Share', 'Photo page', 'Next', 'Previous', 'Close']);
  });

  it('returns focus to the link that opened it', async () => {
    const page = await openPage();
    await link(page, ids[1]!).click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Escape');
    expect(await isOpen(page)).toBe(false);
    // Focus moves in the dialog's close event, which is dispatched in a later task.
    await page.waitForFunction(() => location.hash === '');
    expect(await focused(page)).toBe(ids[1]);
  });
});

describe('sharing', () => {
  it('copies the photo page’s address where the system share sheet is missing', async () => {
    const page = await openPage();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await link(page, ids[2]!).click();
    await dialog(page).getByRole('button', { name: 'Share' }).click();
    await expect.poll(() => page.locator('[data-status]').textContent()).toBe('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${baseURL}${path}photos/${ids[2]}/`,
    );
  });
});

describe('closing and history', () => {
  it('closes with Escape and takes the hash off the URL', async () => {
    const page = await openPage();
    await link(page, ids[0]!).click();
    await page.keyboard.press('Escape');
    expect(await isOpen(page)).toBe(false);
    await page.waitForFunction(() => location.hash === '');
    expect(new URL(page.url()).pathname).toBe(path);
  });

  it('closes with the Back button, staying on the article, and reopens with Forward', async () => {
    const page = await openPage();
    await link(page, ids[1]!).click();
    await page.keyboard.press('ArrowRight');
    await page.goBack();
    await page.waitForFunction(() => !document.querySelector<HTMLDialogElement>('dialog.lightbox')!.open);
    expect(page.url()).toBe(`${baseURL}${path}`);
    expect(await focused(page)).toBe(ids[1]);
    await page.goForward();
    await page.waitForFunction(() => document.querySelector<HTMLDialogElement>('dialog.lightbox')!.open);
    await expectShowing(page, 2);
  });

  it('after Escape, Back leaves the article instead of reopening the photo', async () => {
    const page = await openPage('/');
    await page.goto(path);
    await waitForLightbox(page);
    await link(page, ids[0]!).click();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => location.hash === '');
    await page.goBack();
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('closes with the Close button and with a click beside the photo', async () => {
    const page = await openPage();
    await link(page, ids[0]!).click();
    await dialog(page).getByRole('button', { name: 'Close' }).click();
    expect(await isOpen(page)).toBe(false);
    await page.waitForFunction(() => location.hash === '');
    await link(page, ids[0]!).click();
    await page.mouse.click(5, 450);
    expect(await isOpen(page)).toBe(false);
  });
});

describe('deep links', () => {
  it('opens the photo a loaded URL names, and closes to the article without a hash', async () => {
    const page = await openPage(`${path}#photo-${ids[2]}`);
    await page.waitForFunction(() => document.querySelector<HTMLDialogElement>('dialog.lightbox')!.open);
    await expectShowing(page, 2);
    await page.keyboard.press('Escape');
    expect(await isOpen(page)).toBe(false);
    // The dialog's close event, which clears the hash, is dispatched in a later task.
    await page.waitForFunction(() => location.hash === '');
    expect(page.url()).toBe(`${baseURL}${path}`);
    expect(await focused(page)).toBe(ids[2]);
  });

  it('opens when a link on the page sets the hash, and Back closes it', async () => {
    const page = await openPage();
    await page.evaluate((id) => {
      location.hash = `#photo-${id}`;
    }, ids[1]);
    await page.waitForFunction(() => document.querySelector<HTMLDialogElement>('dialog.lightbox')!.open);
    await expectShowing(page, 1);
    await page.goBack();
    await page.waitForFunction(() => !document.querySelector<HTMLDialogElement>('dialog.lightbox')!.open);
    expect(page.url()).toBe(`${baseURL}${path}`);
  });

  it('ignores a hash that names no photo', async () => {
    const page = await openPage(`${path}#photo-no-such-photo`);
    expect(await isOpen(page)).toBe(false);
  });
});

describe('life cycle', () => {
  it('sets itself up again, once, when its element is replaced (as client-side navigation does)', async () => {
    const page = await openPage();
    await page.evaluate(() => {
      const element = document.querySelector('photo-lightbox')!;
      element.replaceWith(element.cloneNode(true));
    });
    const length = await page.evaluate(() => history.length);
    await link(page, ids[1]!).click();
    await expectShowing(page, 1);
    expect(await page.evaluate(() => history.length)).toBe(length + 1);
    await page.keyboard.press('ArrowRight');
    await expectShowing(page, 2);
  });
});

describe('motion', () => {
  it('animates the opening only when reduced motion is not asked for', async () => {
    const animation = async (reducedMotion: 'reduce' | 'no-preference') => {
      const page = await openPage(path, { reducedMotion });
      await link(page, ids[0]!).click();
      const name = await dialog(page).evaluate((element) => getComputedStyle(element).animationName);
      await context.close();
      return name;
    };
    expect(await animation('reduce')).toBe('none');
    expect(await animation('no-preference')).not.toBe('none');
  });
});

describe('without JavaScript', () => {
  it('each gallery photo links to its own page, which links on and back', async () => {
    const page = await openPage(path, { javaScriptEnabled: false });
    await link(page, ids[1]!).click();
    await page.waitForURL(`**${path}photos/${ids[1]}/`);
    expect(await page.locator('h1').textContent()).toBe(`Photo 2 of ${total}`);
    expect(await page.locator('figure img').getAttribute('alt')).toBeTruthy();
    expect(await page.locator('figure figcaption .credit').textContent()).toMatch(/^Photo: \S/);
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(`**${path}photos/${ids[2]}/`);
    await page.getByRole('link', { name: 'Back to the article' }).click();
    await page.waitForURL(`**${path}`);
  });

  it('never shows the empty dialog', async () => {
    const page = await openPage(path, { javaScriptEnabled: false });
    expect(await dialog(page).isVisible()).toBe(false);
  });
});
