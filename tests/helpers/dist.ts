/** Reading a built site: its pages, parsed, and the internal links between them. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
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
