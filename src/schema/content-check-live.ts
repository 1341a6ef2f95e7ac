import { formatProblems, type Problem } from '../lib/problem.ts';

/**
 * Content problems the dev server found: the content rules' latest run over the whole folder,
 * and the Markdown render errors its file watcher logged after start-up. Astro's glob loader only
 * logs a file that fails its schema or its Markdown checks on reload, and keeps serving the last
 * good version, so the editor sees nothing in the browser. The loaders (src/schema/loaders.ts) record
 * each problem here by file, and clear it when the file reloads cleanly; src/model/data.ts throws them
 * on the next page load, so the browser's error overlay shows the message the terminal shows.
 * Shared through `globalThis`: the dev server loads the loaders and the pages as separate module
 * instances. A production build never has any.
 */

export interface LiveProblem {
  message: string;
  /** Set by a render error, which Astro follows with "Reloaded data from ..." in the same sync. */
  pending: boolean;
}

const KEY = Symbol.for('backstory.content.liveProblems');

/** The problems by file ('content/articles/<slug>/index.md'). */
export function liveProblems(): Map<string, LiveProblem> {
  const store = globalThis as { [KEY]?: Map<string, LiveProblem> };
  store[KEY] ??= new Map();
  return store[KEY];
}

// eslint-disable-next-line no-control-regex
const stripAnsi = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

/** Records what the glob loader's watcher logs: "Failed to reload <entry>: ..." or "Error rendering <entry>: ...". */
export function recordWatcherError(base: string, message: string, clean: (message: string) => string): void {
  const found = /^(Failed to reload|Error rendering) (\S+?): /.exec(stripAnsi(message));
  if (!found) return;
  liveProblems().set(`${base}/${found[2]}`, {
    message: clean(stripAnsi(message)).replace(/^Failed to reload \S+?: /, ''),
    pending: found[1] === 'Error rendering',
  });
}

/** Clears a file's problem when the watcher logs "Reloaded data from <entry>" after a clean sync. */
export function recordWatcherReload(base: string, message: string): void {
  const found = /^Reloaded data from (\S+)/.exec(stripAnsi(message));
  if (!found) return;
  const file = `${base}/${found[1]}`;
  const problem = liveProblems().get(file);
  if (problem?.pending) problem.pending = false;
  else liveProblems().delete(file);
}

const RULES_KEY = Symbol.for('backstory.content.ruleProblems');

/** Keeps the content rules' latest problems (src/schema/loaders.ts re-runs them on every change). */
export function recordRuleProblems(problems: readonly Problem[]): void {
  (globalThis as { [RULES_KEY]?: readonly Problem[] })[RULES_KEY] = problems;
}

/** One "Content problems" message for the page, one line per problem; empty when none. */
export function liveProblemsMessage(): string {
  const rules = (globalThis as { [RULES_KEY]?: readonly Problem[] })[RULES_KEY] ?? [];
  return [
    formatProblems(rules),
    ...[...liveProblems()].map(([file, { message }]) =>
      message.startsWith(`${file}:`) ? message : `${file}  ${message}`,
    ),
  ]
    .filter(Boolean)
    .join('\n');
}
