/**
 * Content loaders: Astro's glob loader behind a check of the folder listing, so that a file the
 * glob would skip or overwrite stops the build with the file's name instead.
 */
import { existsSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import {
  articleFileProblems,
  dataFileProblems,
  formatProblems,
  renderErrorMessage,
} from './lib/content-files';
import { recordWatcherError, recordWatcherReload } from './lib/content-check-live';

function listFiles(base: string): string[] {
  const root = resolve(base);
  let entries: Dirent[];
  try {
    // File types from the listing itself: a stat per file took 0.1 s at 1,000 articles.
    entries = readdirSync(root, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  const isFile = (entry: Dirent) =>
    entry.isFile() || (entry.isSymbolicLink() && statSync(join(entry.parentPath, entry.name)).isFile());
  return entries
    .filter(isFile)
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

type Check = (context: LoaderContext) => string;

/**
 * Runs `before` on the folder listing, then the glob, then `after` on the loaded entries.
 * The glob loader only logs an entry that fails to render (and stores it without a body):
 * such errors are collected here and fail the load instead. After start-up (the dev server's
 * file watcher) they go to the terminal and to `liveProblems`, for the browser overlay.
 * `base` is the folder as messages name it: 'content/articles'.
 */
function checked(name: string, base: string, inner: Loader, before: Check, after: Check = () => ''): Loader {
  return {
    ...inner,
    name,
    load: async (context) => {
      const problems = before(context);
      if (problems) throw new Error(`Content files:\n${problems}`);
      const renderErrors: string[] = [];
      let started = false;
      const logger = new Proxy(context.logger, {
        get(target, property, receiver) {
          if (property === 'error') {
            return (message: string) => {
              if (!started) {
                renderErrors.push(renderErrorMessage(message));
                return;
              }
              target.error(message);
              recordWatcherError(base, message, renderErrorMessage);
            };
          }
          if (property === 'info') {
            return (message: string) => {
              target.info(message);
              if (started) recordWatcherReload(base, message);
            };
          }
          const value = Reflect.get(target, property, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      await inner.load({ ...context, logger });
      started = true;
      if (renderErrors.length > 0) throw new Error(`Content errors:\n${renderErrors.join('\n')}`);
      const late = after(context);
      if (late) throw new Error(`Content files:\n${late}`);
    },
  };
}

/** A missing gallery image, named with its article file and field (the schema cannot see files). */
function missingImages({ store }: LoaderContext): string {
  const problems: string[] = [];
  for (const entry of store.values()) {
    const gallery = (entry.data['gallery'] ?? []) as { src?: unknown }[];
    gallery.forEach((photo, index) => {
      const src = String(photo.src ?? '');
      if (!entry.filePath || !src.startsWith('.')) return;
      const path = resolve(dirname(resolve(entry.filePath)), src);
      if (!existsSync(path)) {
        problems.push(
          `${entry.filePath}  gallery[${index}].src  image file "${src}" not found (expected ${relative(process.cwd(), path)})`,
        );
      }
    });
  }
  return problems.join('\n');
}

/** `content/articles/<slug>/index.md(x)`; the entry id is the folder name. */
export function articleLoader(base: string): Loader {
  return checked(
    'backstory-articles',
    base.replace(/^\.\//, ''),
    glob({ base, pattern: '*/index.{md,mdx}', generateId: ({ entry }) => entry.split('/')[0]! }),
    () => formatProblems(articleFileProblems(base.replace(/^\.\//, ''), listFiles(base))),
    missingImages,
  );
}

/** `content/people/<id>.yaml`; the entry id is the file name. */
export function personLoader(base: string): Loader {
  return checked(
    'backstory-people',
    base.replace(/^\.\//, ''),
    glob({ base, pattern: '*.yaml', generateId: ({ entry }) => entry.replace(/\.yaml$/, '') }),
    () => formatProblems(dataFileProblems(base.replace(/^\.\//, ''), listFiles(base))),
  );
}
