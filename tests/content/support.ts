/**
 * Support for the bad-content cases: copy the minimal fixture, break one rule, run Astro on it.
 *
 * Runs are asynchronous so one file can run its cases side by side (`it.concurrent`). Each run
 * gets its own project copy with its own `node_modules/` folder of symlinks: Astro keeps its
 * content store in `node_modules/.astro/data-store.json` and Vite its caches in
 * `node_modules/.vite*`, so copies that shared the project's `node_modules` through one symlink
 * would read and overwrite each other's store.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { projectCopy, projectRoot, type AstroRun } from '../helpers/astro.ts';

/** The smallest valid content tree: one article, two people, two countries. */
export const MINIMAL = join(projectRoot, 'tests/fixtures/minimal');

/** Path of the minimal article inside a content folder, as Astro names it in messages. */
export const ARTICLE = 'articles/sample-story/index.md';

/** Set BACKSTORY_KEEP_TMP=1 to keep fixture and project copies for inspection. */
const keep = process.env['BACKSTORY_KEEP_TMP'] === '1';

/** At most `limit` tasks at once. */
export function pool(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/** At most this many Astro processes at once. */
const slot = pool(
  Number(process.env['BACKSTORY_CONTENT_JOBS']) || Math.max(2, Math.min(4, availableParallelism())),
);

/** Like `runAstro` from tests/helpers/astro.ts, but asynchronous. */
export function runAstroAsync(command: 'build' | 'sync', content: string): Promise<AstroRun> {
  return slot(
    () =>
      new Promise<AstroRun>((resolve, reject) => {
        const root = projectCopy(content);
        const child = spawn(join(projectRoot, 'node_modules/.bin/astro'), [command], {
          cwd: root,
          env: {
            ...process.env,
            PATH: `${join(projectRoot, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        child.on('error', reject);
        child.on('close', (status) => {
          // eslint-disable-next-line no-control-regex
          const output = `${stdout}\n${stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
          if (!keep) rmSync(root, { recursive: true, force: true });
          resolve({ status, output, root, distDir: join(root, 'dist') });
        });
      }),
  );
}

/** Edits a copy of the minimal fixture; paths are relative to the content folder. */
export class FixtureEditor {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  read(file: string): string {
    return readFileSync(join(this.dir, file), 'utf8');
  }

  write(file: string, text: string): this {
    mkdirSync(dirname(join(this.dir, file)), { recursive: true });
    writeFileSync(join(this.dir, file), text);
    return this;
  }

  /** Replaces `search`, which must occur exactly once, so a change to the fixture fails loudly. */
  replace(file: string, search: string, replacement: string): this {
    const text = this.read(file);
    const count = text.split(search).length - 1;
    if (count !== 1)
      throw new Error(`${file}: expected exactly one ${JSON.stringify(search)}, found ${count}`);
    return this.write(
      file,
      text.replace(search, () => replacement),
    );
  }

  copy(from: string, to: string): this {
    cpSync(join(this.dir, from), join(this.dir, to), { recursive: true });
    return this;
  }

  remove(file: string): this {
    rmSync(join(this.dir, file), { recursive: true, force: true });
    return this;
  }
}

/** Copies the minimal fixture, applies `mutate`, runs `astro <command>` on it and cleans up. */
export async function runFixture(
  command: 'build' | 'sync',
  mutate: (fixture: FixtureEditor) => unknown = () => {},
): Promise<AstroRun> {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-fixture-'));
  try {
    cpSync(MINIMAL, dir, { recursive: true });
    mutate(new FixtureEditor(dir));
    return await runAstroAsync(command, dir);
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

/** One rule broken on a copy of the fixture; `article` is the article file to break ('articles/<slug>/index.md'). */
export type Mutation = (fixture: FixtureEditor, article: string) => unknown;

export interface CaseRun {
  run: AstroRun;
  /** The article file the case broke, relative to the content folder. */
  article: string;
  /** Its folder name (the article id). */
  slug: string;
}

/**
 * Cases of rules whose problems our code collects and reports together (src/model/data.ts and
 * src/schema/loaders.ts throw one error listing every problem), so one Astro run can check several:
 * each case breaks its own copy of the minimal article, `articles/<case name>/index.md`, and
 * looks for the line naming that file. This halves the suite's runtime on a 2-core machine.
 * Set BACKSTORY_CONTENT_ISOLATED=1 to give every case its own fixture and run instead
 * (then `article` is the minimal article itself).
 */
export function caseGroup(
  command: 'build' | 'sync',
  mutations: Record<string, Mutation>,
): (name: string) => Promise<CaseRun> {
  let shared: Promise<AstroRun> | undefined;
  return async (name) => {
    const mutate = mutations[name];
    if (!mutate) throw new Error(`no case named ${name}`);
    if (process.env['BACKSTORY_CONTENT_ISOLATED'] === '1') {
      return {
        run: await runFixture(command, (f) => mutate(f, ARTICLE)),
        article: ARTICLE,
        slug: 'sample-story',
      };
    }
    shared ??= runFixture(command, (f) => {
      for (const [slug, each] of Object.entries(mutations)) {
        f.copy('articles/sample-story', `articles/${slug}`);
        each(f, `articles/${slug}/index.md`);
      }
    });
    return { run: await shared, article: `articles/${name}/index.md`, slug: name };
  };
}

/** Escapes `text` for use inside a RegExp. */
export function re(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The lines of the output that look like errors, for readable assertion failures. */
export function errorLines(output: string): string {
  return output
    .split('\n')
    .filter((line) => /error|problem|content files|not |must |unknown|duplicate|invalid|expected/i.test(line))
    .join('\n');
}

/**
 * Asserts the run failed and that one line of its output matches each pattern. Use one pattern
 * per line the editor must read: it should name the file, the field and what to do.
 */
export function expectFailure(run: AstroRun, ...lines: RegExp[]): void {
  expect(run.status, `astro should have failed; output:\n${run.output}`).not.toBe(0);
  const all = run.output.split('\n');
  for (const pattern of lines) {
    expect(
      all.some((line) => pattern.test(line)),
      `no output line matches ${pattern}; error lines:\n${errorLines(run.output)}`,
    ).toBe(true);
  }
}
