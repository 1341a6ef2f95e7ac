/**
 * Content loaders: Astro's loaders behind the content rules (src/schema/content-check.ts). The rules
 * run once per build over the whole content folder, before Astro parses a single entry, so a
 * problem is reported as `file:line  field  problem: fix` instead of as a crash or a log line,
 * and nothing is loaded until every problem is fixed. Astro's loaders would skip a file, overwrite
 * a duplicate, only log an unknown reference and publish files from outside the folder.
 *
 * In `npm run dev` the rules run again whenever anything under the content folder changes; their
 * problems show in the browser's error overlay (src/model/data.ts) until they are fixed. The server
 * starts even when a file is broken: the loaders first load once the content is clean, and from
 * then on Astro's own watcher reloads each changed entry.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { file as fileLoader, glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import { contentSource } from './content-source.ts';
import { checkContent } from './content-check.ts';
import { recordRuleProblems, recordWatcherError, recordWatcherReload } from './content-check-live.ts';
import { renderErrorMessage } from '../lib/content-files.ts';
import { ContentProblems, type Problem } from '../lib/problem.ts';
import { hasEntries } from './registry.ts';

/**
 * The content rules' errors over `root`, without the body's remark plugins (the render runs
 * those). Warnings (a `TODO` in a draft) stop nothing: `npm run check:content` lists them.
 */
async function runRules(root: string): Promise<Problem[]> {
  const report = await checkContent(contentSource(root));
  return report.problems;
}

/** One run per content folder, shared by its loaders; the dev server's watcher starts a new one. */
const runs = new Map<string, Promise<Problem[]>>();
/** Loaders waiting, in the dev server, for their folder's next run. */
const listeners = new Map<string, ((problems: Problem[]) => Promise<void>)[]>();

function rulesFor(root: string): Promise<Problem[]> {
  let run = runs.get(root);
  if (!run) {
    run = runRules(root);
    runs.set(root, run);
  }
  return run;
}

function watchContent(
  root: string,
  watcher: NonNullable<LoaderContext['watcher']>,
  onRun: (problems: Problem[]) => Promise<void>,
) {
  const waiting = listeners.get(root);
  if (waiting) {
    waiting.push(onRun);
    return;
  }
  listeners.set(root, [onRun]);
  // One run for a burst of changes (a git checkout, an editor saving several files).
  let timer: NodeJS.Timeout | undefined;
  const rerun = (changed: string) => {
    const path = relative(root, changed);
    if (path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) return;
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const run = runRules(root);
      runs.set(root, run);
      const problems = await run;
      recordRuleProblems(problems);
      for (const listener of listeners.get(root) ?? []) await listener(problems);
    }, 100);
  };
  for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) watcher.on(event, rerun);
}

/**
 * The inner loader, with render errors collected: the glob loader only logs a body that fails to
 * render (our remark plugins' refusals) and stores the entry without it. Such errors fail the load
 * instead; after start-up they go to the terminal and the browser overlay.
 */
async function loadReportingRenderErrors(inner: Loader, context: LoaderContext, base: string): Promise<void> {
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
}

/**
 * `inner` behind the content rules of `root`. Only the loader that `reports` throws the problems
 * in a build, so they are printed once; the others load nothing and wait for it to stop the build.
 */
function checked(name: string, root: string, base: string, inner: Loader, reports = false): Loader {
  return {
    ...inner,
    name,
    load: async (context) => {
      const problems = await rulesFor(root);
      if (!context.watcher) {
        if (problems.length === 0) return loadReportingRenderErrors(inner, context, base);
        if (reports) throw new ContentProblems(problems);
        return;
      }
      recordRuleProblems(problems);
      let loaded = false;
      const loadWhenClean = async (current: Problem[]) => {
        if (loaded || current.length > 0) return;
        loaded = true;
        try {
          await loadReportingRenderErrors(inner, context, base);
        } catch (error) {
          recordWatcherError(
            base,
            `Error rendering ${name}: ${(error as Error).message}`,
            renderErrorMessage,
          );
        }
      };
      watchContent(root, context.watcher, loadWhenClean);
      await loadWhenClean(problems);
    },
  };
}

const folderLabel = (path: string) => relative(process.cwd(), resolve(path)).split('\\').join('/');

/** `<root>/articles/<slug>/index.md(x)`; the entry id is the folder name. */
export function articleLoader(root: string): Loader {
  const base = `${root}/articles`;
  return checked(
    'backstory-articles',
    resolve(root),
    folderLabel(base),
    glob({ base, pattern: '*/index.{md,mdx}', generateId: ({ entry }) => entry.split('/')[0]! }),
    true,
  );
}

/** `<root>/people/<id>.yaml`; the entry id is the file name. */
export function personLoader(root: string): Loader {
  const base = `${root}/people`;
  return checked(
    'backstory-people',
    resolve(root),
    folderLabel(base),
    glob({ base, pattern: '*.yaml', generateId: ({ entry }) => entry.replace(/\.yaml$/, '') }),
  );
}

/**
 * `<root>/<folder>/<id>.yaml` for a kind the content may leave out (organisations, places, stories): a
 * missing or empty folder is an empty collection, not a warning, so existing content builds
 * unchanged (src/model/data.ts then does not ask for it: see `hasEntries`).
 */
function optionalDataLoader(name: string, root: string, folder: string): Loader {
  const base = `${root}/${folder}`;
  const inner = glob({ base, pattern: '*.yaml', generateId: ({ entry }) => entry.replace(/\.yaml$/, '') });
  const loader = checked(name, resolve(root), folderLabel(base), inner);
  return {
    ...loader,
    load: async (context) => {
      if (hasEntries(root, folder)) return loader.load(context);
      // Nothing to load; the rules still run (and report) for the other collections' loaders.
      context.store.clear();
    },
  };
}

/** `<root>/organisations/<id>.yaml` (the folder is optional); the entry id is the file name. */
export function organisationLoader(root: string): Loader {
  return optionalDataLoader('backstory-organisations', root, 'organisations');
}

/** `<root>/places/<id>.yaml` (the folder is optional); the entry id is the file name. */
export function placeLoader(root: string): Loader {
  return optionalDataLoader('backstory-places', root, 'places');
}

/** `<root>/stories/<id>.yaml` (the folder is optional); the entry id is the file name. */
export function storyLoader(root: string): Loader {
  return optionalDataLoader('backstory-stories', root, 'stories');
}

/** `<root>/countries.yaml`, one list. */
export function countryLoader(root: string): Loader {
  return checked(
    'backstory-countries',
    resolve(root),
    folderLabel(root),
    fileLoader(`${root}/countries.yaml`),
  );
}
