/** Reading a built site: its pages, parsed, and the internal links between them. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/** Every HTML file of the build, as paths relative to `distDir` ('articles/x/index.html'). */
export function htmlFiles(distDir: string): string[] {
  return readdirSync(distDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .map((name) => relative(distDir, join(distDir, name)).split('\\').join('/'))
    .sort();
}

/** Every file under `dir` with the SHA-256 of its bytes, by path, sorted by path. */
export function fileDigests(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(dir, name)).isFile())
    .sort();
  return new Map(
    files.map((name) => [
      name,
      createHash('sha256')
        .update(readFileSync(join(dir, name)))
        .digest('hex'),
    ]),
  );
}

export function readPage(distDir: string, file: string): HTMLElement {
  return parse(readFileSync(join(distDir, file), 'utf8'));
}

/** The URL path a file is served at: 'articles/x/index.html' -> '/articles/x/'. */
export function urlPathOf(file: string): string {
  return `/${file.replace(/index\.html$/, '')}`;
}

/** The file that serves a URL path, or undefined for paths outside the build. */
export function fileFor(pathname: string): string {
  const path = decodeURIComponent(pathname).replace(/^\//, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/**
 * The links, images and sources of page `file` that point into the site at a page, file or
 * anchor the build does not have, each as 'value (no target)'.
 */
export function brokenLinks(distDir: string, file: string): string[] {
  const page = readPage(distDir, file);
  const broken: string[] = [];
  for (const element of page.querySelectorAll('a[href], link[href], img[src], source[srcset], img[srcset]')) {
    const values = element.hasAttribute('srcset')
      ? element
          .getAttribute('srcset')!
          .split(',')
          .map((candidate) => candidate.trim().split(/\s+/)[0]!)
      : [element.getAttribute('href') ?? element.getAttribute('src')!];
    for (const value of values) {
      const url = new URL(value, `https://site.test${urlPathOf(file)}`);
      if (url.origin !== 'https://site.test') continue;
      const target = fileFor(url.pathname);
      if (!existsSync(join(distDir, target))) {
        broken.push(`${value} (no ${target})`);
        continue;
      }
      // '#:~:text=' is a text fragment (a quote to highlight), not an element id.
      if (url.hash && !url.hash.startsWith('#:~:') && target.endsWith('.html')) {
        const id = decodeURIComponent(url.hash.slice(1));
        if (!readPage(distDir, target).getElementById(id)) broken.push(`${value} (no #${id})`);
      }
    }
  }
  return broken;
}
