/**
 * The one shape every content rule reports in, and its one written form:
 * `file:line  field  problem: fix`. Rules write the fix where they find the problem.
 */

export interface Problem {
  /** The file as the editor finds it: 'content/articles/x/index.md'. */
  file: string;
  /** 1-based line in that file; absent for a whole file or folder. */
  line?: number | undefined;
  /** The field, e.g. 'timeline[2].date'; 'body' for the text, '-' for the whole file. */
  field: string;
  /** What is wrong, in the editor's terms. */
  problem: string;
  /** What to do about it. */
  fix: string;
  /**
   * Absent for an error, which `check:content` and the build refuse. A warning (a `TODO` left in a
   * draft) is listed by `check:content` apart from the errors and stops nothing.
   */
  severity?: 'warning' | undefined;
}

/** What a rule finds before the caller knows the file (and, for a field, its line). */
export type Finding = Omit<Problem, 'file'>;

/**
 * Schema messages carry their fix too, joined by this separator (Zod issues hold one string).
 * The information separator is never typed by an editor: text fields refuse control characters.
 */
const SEPARATOR = '\u001f';

/** A schema message made of a problem and its fix (see {@link splitMessage}). */
export function said(problem: string, fix: string): string {
  return `${problem}${SEPARATOR}${fix}`;
}

/** A message made by {@link said} back into its parts; any other message has no fix yet. */
export function splitMessage(message: string): { problem: string; fix?: string } {
  const at = message.indexOf(SEPARATOR);
  return at === -1 ? { problem: message } : { problem: message.slice(0, at), fix: message.slice(at + 1) };
}

/** A value an editor wrote, quoted for a message, and cut short: a message is one line. */
export function quoted(value: unknown): string {
  const text = String(value);
  return `"${text.length > 60 ? `${text.slice(0, 60)}…` : text}"`;
}

/** `file:line  field  problem: fix`, the line left out when unknown; a warning starts with `warning: `. */
export function formatProblem({ file, line, field, problem, fix, severity }: Problem): string {
  const where = line === undefined ? file : `${file}:${line}`;
  return `${severity === 'warning' ? 'warning: ' : ''}${where}  ${field}  ${problem}: ${fix}`;
}

/** Whether a problem is a warning, which stops nothing (see {@link Problem.severity}). */
export const isWarning = (problem: Pick<Problem, 'severity'>): boolean => problem.severity === 'warning';

/** Problems as one error message, one line each. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map(formatProblem).join('\n');
}

/**
 * Thrown by checks that run inside Astro or unified (loaders, remark plugins): the message is the
 * formatted lines, and `problems` keeps them whole for `npm run check:content`.
 */
export class ContentProblems extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(`Content problems:\n${formatProblems(problems)}`);
    this.name = 'ContentProblems';
    this.problems = problems;
  }
}

/** By file, then line; problems without a line (whole files and folders) first; stable. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort(
      (a, b) =>
        a.problem.file.localeCompare(b.problem.file) ||
        (a.problem.line ?? 0) - (b.problem.line ?? 0) ||
        a.index - b.index,
    )
    .map(({ problem }) => problem);
}

/**
 * One message per mistake: the first problem found for a field of a file is the one reported.
 * The body and the whole file ('-') hold many things, so there only repeats are dropped.
 */
export function onePerField(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter(({ file, field, line, problem, severity }) => {
    // A warning never hides an error of the same field, nor the other way round.
    const key = `${severity ?? 'error'}\n${
      field === 'body' || field === '-' ? `${file}\n${field}\n${line}\n${problem}` : `${file}\n${field}`
    }`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
