/**
 * axe-core's WCAG 2.2 A/AA rules in headless Chromium, under the site's real CSP: one page of
 * each type (the fullest, see pageTypes) in the light and dark schemes and on a 320 px screen,
 * and the states scripts open (the lightbox, a who's-who card). Every page of the stress
 * fixture is checked too, in quality-stress.test.ts.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { axeViolations, pageTypes, scriptedStates, watchedPage, type Watched } from './quality-support.ts';

const baseURL = inject('baseURL');
const TYPES = pageTypes(inject('e2eDistDir'));

let browser: Browser;
let light: Watched;
let dark: Watched;
let narrow: Watched;

beforeAll(async () => {
  browser = await launchBrowser();
  [light, dark, narrow] = await Promise.all([
    watchedPage(browser, baseURL, { colorScheme: 'light' }),
    watchedPage(browser, baseURL, { colorScheme: 'dark' }),
    watchedPage(browser, baseURL, { colorScheme: 'light', viewport: { width: 320, height: 640 } }),
  ]);
});
afterAll(async () => {
  await browser?.close();
});

describe.each(TYPES)('$type page ($path)', ({ path, status }) => {
  it.each([
    ['light colour scheme', () => light],
    ['dark colour scheme', () => dark],
    ['320 px wide', () => narrow],
  ] as const)('has no WCAG 2.2 A/AA violation (%s)', async (_name, current) => {
    const watched = current();
    await watched.visit(path, status);
    expect(await axeViolations(watched.page)).toEqual([]);
    expect(watched.problems).toEqual([]);
  });
});

describe('states opened by scripts', () => {
  const article = TYPES.find((page) => page.type === 'article')!;
  const states = scriptedStates(inject('e2eDistDir'), article);

  (states.lightbox ? it : it.skip).each(['light', 'dark'] as const)(
    'the lightbox, open (%s)',
    async (scheme) => {
      const watched = scheme === 'light' ? light : dark;
      await watched.visit(article.path);
      // The article page type is one with photos when content/ has any: their absence is a failure, not a skip.
      await watched.page.waitForSelector('a[data-photo]');
      const photo = watched.page.locator('a[data-photo]').first();
      await watched.page.waitForFunction(() => customElements.get('photo-lightbox'));
      await photo.click();
      await watched.page.waitForFunction(
        () => document.querySelector<HTMLDialogElement>('dialog.lightbox')?.open,
      );
      // The dialog fades in: mid-way, axe measures the contrast of half-transparent text.
      await watched.page.waitForFunction(() =>
        document
          .querySelector('dialog.lightbox')!
          .getAnimations({ subtree: true })
          .every((animation) => animation.playState === 'finished'),
      );
      expect(await axeViolations(watched.page)).toEqual([]);
      expect(watched.problems).toEqual([]);
    },
  );

  (states.card ? it : it.skip).each(['light', 'dark'] as const)(
    'a who’s-who card, open (%s)',
    async (scheme) => {
      const watched = scheme === 'light' ? light : dark;
      await watched.visit(article.path);
      await watched.page.waitForSelector('button.mention');
      const mention = watched.page.locator('button.mention').first();
      await mention.click();
      await watched.page.waitForFunction(() => document.querySelector(':popover-open') !== null);
      expect(await axeViolations(watched.page)).toEqual([]);
      expect(watched.problems).toEqual([]);
    },
  );
});
