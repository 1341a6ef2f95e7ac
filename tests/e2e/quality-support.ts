/**
 * Shared checks for the quality gates in the browser (quality*.test.ts, a11y*.test.ts): which
 * pages to visit, a watch on every page for console errors, content-security-policy violations
 * and requests to other hosts, and the page-side measurements (axe, no-JS parity, overflow,
 * print, keyboard).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { rawArticles } from '../helpers/content.ts';

// --- which pages -------------------------------------------------------------------------------

export interface PageType {
  /** What the page is: 'article', 'photo', ... */
  type: string;
  /** URL path on the test server. */
  path: string;
  /** The response status the page is served with. */
  status: number;
}

const folders = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'index.html')))
        .map((entry) => entry.name)
        .sort()
    : [];

/** Of the pages in `dir`'s sub-folders, the one with the most HTML (the most to check). */
function largest(dir: string, among = folders(dir)): string | undefined {
  const size = (name: string) => statSync(join(dir, name, 'index.html')).size;
  return [...among].sort((a, b) => size(b) - size(a) || a.localeCompare(b))[0];
}

/**
 * One page of every type in a build, found in its files: of each type the page with the most
 * HTML (the article among those with photos, its event and photo; a person, a country), the
 * indexes, and a URL nothing is served at (the 404 page). The pages of one type share their
 * templates: the build layer checks every page's HTML, this samples each template in a browser.
 */
export function pageTypes(distDir: string): PageType[] {
  const articlesDir = join(distDir, 'articles');
  const articles = folders(articlesDir);
  const withPhotos = articles.filter((name) => folders(join(articlesDir, name, 'photos')).length > 0);
  const slug = largest(articlesDir, withPhotos.length > 0 ? withPhotos : articles);
  if (!slug) throw new Error(`${distDir} has no article: the quality suite needs one`);
  const article = `/articles/${slug}/`;
  const event = largest(join(articlesDir, slug, 'timeline'));
  const photo = largest(join(articlesDir, slug, 'photos'));
  // An article without photos (when one has them) renders without the photo sections and lightbox.
  const withoutPhotos =
    withPhotos.length > 0
      ? largest(
          articlesDir,
          articles.filter((name) => !withPhotos.includes(name)),
        )
      : undefined;
  const person = largest(join(distDir, 'people'));
  const country = largest(join(distDir, 'countries'));
  const organisation = largest(join(distDir, 'organisations'));
  const place = largest(join(distDir, 'places'));
  const story = largest(join(distDir, 'stories'));
  const month = largest(join(distDir, 'archive'));
  const types: (PageType | false | undefined)[] = [
    { type: 'home', path: '/', status: 200 },
    { type: 'article', path: article, status: 200 },
    withoutPhotos !== undefined && {
      type: 'article without photos',
      path: `/articles/${withoutPhotos}/`,
      status: 200,
    },
    event !== undefined && { type: 'timeline event', path: `${article}timeline/${event}/`, status: 200 },
    // An article without events has no timeline page of its own.
    event !== undefined && { type: 'article timeline', path: `${article}timeline/`, status: 200 },
    { type: 'timeline', path: '/timeline/', status: 200 },
    photo !== undefined && { type: 'photo', path: `${article}photos/${photo}/`, status: 200 },
    person !== undefined && { type: 'person', path: `/people/${person}/`, status: 200 },
    country !== undefined && { type: 'country', path: `/countries/${country}/`, status: 200 },
    organisation !== undefined && {
      type: 'organisation',
      path: `/organisations/${organisation}/`,
      status: 200,
    },
    place !== undefined && { type: 'place', path: `/places/${place}/`, status: 200 },
    { type: 'people index', path: '/people/', status: 200 },
    { type: 'countries index', path: '/countries/', status: 200 },
    { type: 'organisations index', path: '/organisations/', status: 200 },
    { type: 'places index', path: '/places/', status: 200 },
    story !== undefined && { type: 'story', path: `/stories/${story}/`, status: 200 },
    { type: 'stories index', path: '/stories/', status: 200 },
    { type: 'archive', path: '/archive/', status: 200 },
    month !== undefined && { type: 'archive month', path: `/archive/${month}/`, status: 200 },
    { type: 'about', path: '/about/', status: 200 },
    { type: 'search', path: '/search/', status: 200 },
    { type: '404', path: '/no-such-page/', status: 404 },
  ];
  return types.filter((entry): entry is PageType => Boolean(entry));
}

/**
 * Which script-opened states the sampled article page can show: the lightbox when any article of
 * content/ has photos (the sampled article is then one of them, so a page that lost its photo
 * links fails), a who's-who card when the built article links a mention. Content may have neither.
 */
export function scriptedStates(distDir: string, article: PageType): { lightbox: boolean; card: boolean } {
  const html = readFileSync(join(distDir, article.path, 'index.html'), 'utf8');
  return {
    lightbox: rawArticles().some(({ data }) => (data['gallery'] ?? []).length > 0),
    card: /<a [^>]*class="mention"/.test(html),
  };
}

/** Every page of a build as URL paths ('/articles/x/'), the 404 page as '/404.html'. */
export function allPages(distDir: string): string[] {
  return readdirSync(distDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .map(
      (name) =>
        `/${name
          .split('\\')
          .join('/')
          .replace(/index\.html$/, '')}`,
    )
    .sort();
}

// --- watching a page ---------------------------------------------------------------------------

/** A browser context whose pages report every problem they meet. */
export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Console errors, uncaught exceptions, CSP violations, failed and off-site requests. */
  problems: string[];
  /** Loads `path`, expecting `status`, and clears the problems of earlier pages. */
  visit(path: string, status?: number): Promise<void>;
}

/**
 * A context with one page, watched: console errors and warnings about policies, uncaught
 * exceptions, `securitypolicyviolation` events (reported through a binding, so they survive
 * navigation), requests to any host but the test server, failed requests and error responses
 * to sub-resources. `alert()` is recorded too, so escaped content that ran would show.
 */
export async function watchedPage(
  browser: Browser,
  baseURL: string,
  options: BrowserContextOptions = {},
): Promise<Watched> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 }, ...options });
  const origin = new URL(baseURL).origin;
  const problems: string[] = [];
  let expectedDocument: { url: string; status: number } | undefined;

  await context.exposeBinding('__reportProblem', (_source, message: string) => {
    problems.push(message);
  });
  await context.addInitScript(() => {
    const report = (window as unknown as { __reportProblem(message: string): void }).__reportProblem;
    document.addEventListener(
      'securitypolicyviolation',
      (event) =>
        report(
          `CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`,
        ),
      true,
    );
    window.alert = (message?: unknown) => report(`alert(${String(message)}) ran`);
  });

  const page = await context.newPage();
  page.on('console', (message) => {
    const text = message.text();
    if (
      expectedDocument &&
      expectedDocument.status >= 400 &&
      message.location().url === expectedDocument.url &&
      new RegExp(`status of ${expectedDocument.status}\\b`).test(text)
    )
      return; // the 404 page's own status, logged by Chromium
    if (message.type() === 'error') problems.push(`console error: ${text}`);
    else if (/content security policy|permissions-policy|refused to/i.test(text))
      problems.push(`console ${message.type()}: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.origin !== origin) problems.push(`request to another host: ${request.url()}`);
  });
  context.on('requestfailed', (request) => {
    // Requests the browser drops itself (the favicon when the page moves on) are no failure.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  context.on('response', (response) => {
    if (response.status() < 400) return;
    if (expectedDocument && response.url() === expectedDocument.url) return;
    problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });

  return {
    context,
    page,
    problems,
    async visit(path, status = 200) {
      problems.length = 0;
      const url = new URL(path, baseURL).href;
      expectedDocument = { url, status };
      const response = await page.goto(url);
      if (response?.status() !== status)
        throw new Error(`${path} answered ${response?.status()}, expected ${status}`);
      // Module scripts run after parsing; custom elements are defined once they have.
      await page.waitForLoadState('load');
    },
  };
}

/** Scrolls to the bottom and back, so lazy images load (and can fail) while we watch. */
export async function loadLazyImages(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (const image of document.querySelectorAll('img[loading="lazy"]')) image.scrollIntoView();
    await Promise.all(
      [...document.images].map((image) =>
        image.complete
          ? null
          : new Promise((resolve) => {
              image.addEventListener('load', resolve, { once: true });
              image.addEventListener('error', resolve, { once: true });
            }),
      ),
    );
    window.scrollTo(0, 0);
  });
  await page.waitForLoadState('networkidle');
}

// --- axe ---------------------------------------------------------------------------------------

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core (WCAG 2.2 A/AA) on the page; returns one line per violation and node. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async (tags) => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      help: violation.help,
      nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
    }));
  }, WCAG_TAGS);
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.help}) ${node.replace(/\s+/g, ' ')}`),
  );
}

// --- no-JS parity ------------------------------------------------------------------------------

export interface MainContent {
  /** Text of <main>, whitespace collapsed, without scripts, styles and the JS-only UI. */
  text: string;
  /** Absolute hrefs of the links in <main>, in order, except mentions and the lightbox's. */
  links: string[];
  /** Each mention: its text and where it leads (the link, or the link in the card it opens). */
  mentions: string[];
  /** Each image in <main>: alt text and file. */
  images: string[];
}

/**
 * What <main> says and links to. Allowed for: mention links become buttons opening a card (the
 * card links to the same page), the lightbox is filled only when opened, the share button is
 * shown (and its label set) only with JavaScript.
 */
export function mainContent(page: Page): Promise<MainContent> {
  return page.evaluate(() => {
    const main = document.querySelector('main')!;
    const clone = main.cloneNode(true) as HTMLElement;
    for (const element of clone.querySelectorAll('script, style, photo-lightbox, share-button > button'))
      element.remove();
    const outsideLightbox = (element: Element) => !element.closest('photo-lightbox');
    const mentionTarget = (mention: Element) => {
      if (mention instanceof HTMLAnchorElement) return mention.href;
      const card = document.getElementById(mention.getAttribute('popovertarget') ?? '');
      return card?.querySelector('a')?.href ?? '(no card)';
    };
    return {
      text: (clone.textContent ?? '').replace(/\s+/g, ' ').trim(),
      links: [...main.querySelectorAll<HTMLAnchorElement>('a[href]:not(.mention)')]
        .filter(outsideLightbox)
        .map((link) => link.href),
      mentions: [...main.querySelectorAll('.mention')].map(
        (mention) => `${mention.textContent} -> ${mentionTarget(mention)}`,
      ),
      images: [...main.querySelectorAll('img')]
        .filter(outsideLightbox)
        .map((image) => `${image.alt} ${image.getAttribute('src')}`),
    };
  });
}

// --- small screens -----------------------------------------------------------------------------

/** How far the page scrolls sideways, and the visible elements that stick out to the right. */
export function horizontalOverflow(
  page: Page,
): Promise<{ scrollWidth: number; width: number; outside: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const outside = [...document.querySelectorAll('body *')]
      .filter((element) => element.checkVisibility({ visibilityProperty: true }))
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 1 && box.height > 1 && box.right > width + 0.5;
      })
      .map((element) => {
        const classes = [...element.classList].filter((name) => !name.startsWith('astro-')).join('.');
        return `<${element.tagName.toLowerCase()}${classes ? `.${classes}` : ''}> ends at ${Math.round(element.getBoundingClientRect().right)}px: ${(element.textContent ?? '').trim().slice(0, 60)}`;
      });
    return { scrollWidth: document.documentElement.scrollWidth, width, outside };
  });
}

// --- print -------------------------------------------------------------------------------------

export interface PrintView {
  /** Content that must print, as 'what: text' for each element that is not visible. */
  missing: string[];
  /** Site chrome (navigation, share, cards, skip link) that is visible. */
  shown: string[];
  /** How many elements of each kind of content were checked. */
  counts: Record<string, number>;
  /** Text that would print faintly on white paper (contrast below 4.5:1), as 'colour: text'. */
  faint: string[];
}

/** With print media emulated: is the content visible and the site's chrome hidden? */
export function printView(page: Page): Promise<PrintView> {
  return page.evaluate(() => {
    const visible = (element: Element) => {
      if (!element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
      const box = element.getBoundingClientRect();
      // On the page: not pushed off it (as a skip link waiting for focus is).
      return box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0;
    };
    const CONTENT: Record<string, string> = {
      headline: 'main h1',
      date: 'main time',
      body: 'main .prose, main .body, main p',
      caption: 'main figcaption',
      credit: 'main figcaption .credit',
      image: 'main figure img',
    };
    const CHROME = [
      'body > header',
      'body > footer',
      'a.skip',
      'nav',
      '.share-links',
      'share-button',
      'mention-cards',
      'photo-lightbox dialog',
    ].join(', ');
    const counts: Record<string, number> = {};
    const missing: string[] = [];
    for (const [what, selector] of Object.entries(CONTENT)) {
      const elements = [...document.querySelectorAll(selector)].filter(
        // Parts of the page that never print as a whole (cards, dialog) are checked below.
        (element) => !element.closest('mention-cards, photo-lightbox, nav, .share-links, [popover]'),
      );
      counts[what] = elements.length;
      for (const element of elements)
        if (!visible(element)) missing.push(`${what}: ${(element.textContent ?? '').trim().slice(0, 60)}`);
    }
    const shown = [...document.querySelectorAll(CHROME)]
      .filter(visible)
      .map((element) => `<${element.tagName.toLowerCase()} class="${element.className}">`);
    // Printers leave backgrounds out: every text must be dark enough on white paper.
    const luminance = (colour: string) => {
      const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((value) => {
        const channel = Number(value) / 255;
        return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const faint = [...document.querySelectorAll('main *')]
      .filter(
        (element) =>
          visible(element) &&
          [...element.childNodes].some(
            (node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim(),
          ),
      )
      .map((element) => [getComputedStyle(element).color, element.textContent!.trim().slice(0, 40)] as const)
      .filter(([colour]) => 1.05 / (luminance(colour) + 0.05) < 4.5)
      .map(([colour, text]) => `${colour}: ${text}`);
    return { missing, shown, counts, faint };
  });
}

// --- keyboard ----------------------------------------------------------------------------------

export interface TabStop {
  /** Position in DOM order among the focusable elements, and a description. */
  index: number;
  name: string;
  /** The focus indicator: outline and box-shadow, unfocused and focused. */
  before: string;
  after: string;
}

/** Numbers the page's visible keyboard-focusable elements in DOM order and records their look. */
export function markFocusables(page: Page): Promise<{ count: number; positiveTabindex: string[] }> {
  return page.evaluate(() => {
    const SELECTOR =
      'a[href], area[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, iframe, [contenteditable=""], [contenteditable="true"], [tabindex]';
    const look = (element: Element) => {
      const style = getComputedStyle(element);
      return `outline: ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; box-shadow: ${style.boxShadow}`;
    };
    const focusables = [...document.querySelectorAll<HTMLElement>(SELECTOR)].filter(
      (element) =>
        element.tabIndex >= 0 &&
        !element.closest('[inert]') &&
        element.checkVisibility({ visibilityProperty: true }) &&
        element.getClientRects().length > 0,
    );
    focusables.forEach((element, index) => {
      element.dataset['qaTab'] = String(index);
      element.dataset['qaLook'] = look(element);
    });
    const positiveTabindex = [...document.querySelectorAll<HTMLElement>('[tabindex]')]
      .filter((element) => element.tabIndex > 0)
      .map((element) => element.outerHTML.slice(0, 80));
    return { count: focusables.length, positiveTabindex };
  });
}

/** The element focused now, as a tab stop (index -1 when it is not one of the marked elements). */
export function focusedStop(page: Page): Promise<TabStop | null> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return {
      index: Number(element.dataset['qaTab'] ?? -1),
      name: `<${element.tagName.toLowerCase()}> ${text || element.getAttribute('aria-label') || ''}`.trim(),
      before: element.dataset['qaLook'] ?? '',
      after: `outline: ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; box-shadow: ${style.boxShadow}`,
    };
  });
}

/** Whether a focus look draws something: an outline with width, or a box-shadow. */
export function drawsFocus(look: string): boolean {
  const outline = /outline: (\S+) ([\d.]+)px/.exec(look);
  const shadow = /box-shadow: (.*)$/.exec(look)?.[1] ?? 'none';
  return (outline !== null && outline[1] !== 'none' && Number(outline[2]) > 0) || shadow !== 'none';
}
