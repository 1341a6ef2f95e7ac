import { describe, expect, it } from 'vitest';
import {
  ContentProblems,
  formatProblem,
  formatProblems,
  isWarning,
  onePerField,
  said,
  sortProblems,
  splitMessage,
  type Problem,
} from '../../src/lib/problem.ts';

const at = (file: string, field: string, line?: number): Problem => ({
  file,
  line,
  field,
  problem: `${field} is wrong`,
  fix: 'fix it',
});

describe('formatProblem', () => {
  it('writes "file:line  field  problem: fix"', () => {
    expect(
      formatProblem({ file: 'content/x.md', line: 4, field: 'title', problem: 'is empty', fix: 'write it' }),
    ).toBe('content/x.md:4  title  is empty: write it');
  });

  it('leaves the line out when it is unknown', () => {
    expect(
      formatProblem({ file: 'content/x.md', field: '-', problem: 'is not loaded', fix: 'move it' }),
    ).toBe('content/x.md  -  is not loaded: move it');
  });

  it('starts a warning with "warning: ", and an error with nothing', () => {
    const todo = { file: 'content/x.mdx', line: 3, field: 'dek', problem: 'holds TODO', fix: 'write it' };
    expect(formatProblem({ ...todo, severity: 'warning' })).toBe(
      'warning: content/x.mdx:3  dek  holds TODO: write it',
    );
    expect(formatProblem({ ...todo, severity: undefined })).toBe(
      'content/x.mdx:3  dek  holds TODO: write it',
    );
    expect(isWarning({ severity: 'warning' })).toBe(true);
    expect(isWarning({})).toBe(false);
  });
});

describe('formatProblems', () => {
  it('writes one line per problem', () => {
    expect(formatProblems([at('a.md', 'title', 2), at('b.yaml', 'name')])).toBe(
      'a.md:2  title  title is wrong: fix it\nb.yaml  name  name is wrong: fix it',
    );
  });

  it('is empty for no problems, so loaders can test it for truth', () => {
    expect(formatProblems([])).toBe('');
  });

  it('is the message of ContentProblems, which keeps the problems whole', () => {
    const error = new ContentProblems([at('a.md', 'title', 2)]);
    expect(error.message).toBe('Content problems:\na.md:2  title  title is wrong: fix it');
    expect(error.problems).toEqual([at('a.md', 'title', 2)]);
  });
});

describe('said and splitMessage', () => {
  it('round-trips a problem and its fix through one message', () => {
    expect(splitMessage(said('is empty', 'write it'))).toEqual({ problem: 'is empty', fix: 'write it' });
  });

  it('leaves a message without a fix whole', () => {
    expect(splitMessage('Invalid input')).toEqual({ problem: 'Invalid input' });
  });
});

describe('sortProblems', () => {
  it('sorts by file, then line, whole-file problems first, keeping equal ones in order', () => {
    const sorted = sortProblems([
      at('b.md', 'title', 3),
      at('a.md', 'dek', 5),
      at('a.md', 'x', 2),
      at('a.md', '-'),
      at('a.md', 'y', 2),
    ]);
    expect(sorted.map(({ file, field }) => `${file} ${field}`)).toEqual([
      'a.md -',
      'a.md x',
      'a.md y',
      'a.md dek',
      'b.md title',
    ]);
  });
});

describe('onePerField', () => {
  it('keeps the first problem of each field of each file', () => {
    const kept = onePerField([
      { ...at('a.md', 'title', 2), problem: 'first' },
      { ...at('a.md', 'title', 2), problem: 'second' },
      at('b.md', 'title', 2),
    ]);
    expect(kept.map(({ file, problem }) => `${file} ${problem}`)).toEqual([
      'a.md first',
      'b.md title is wrong',
    ]);
  });

  it('never lets a warning hide an error of the same field, nor the other way round', () => {
    const kept = onePerField([
      { ...at('a.md', 'dek', 2), severity: 'warning' },
      { ...at('a.md', 'dek', 2), problem: 'error' },
      { ...at('a.md', 'dek', 2), problem: 'second error' },
    ]);
    expect(kept.map(({ problem, severity }) => `${problem} ${severity ?? 'error'}`)).toEqual([
      'dek is wrong warning',
      'error error',
    ]);
  });

  it('keeps body and whole-file problems on different lines apart', () => {
    const kept = onePerField([at('a.md', 'body', 10), at('a.md', 'body', 12), at('a.md', 'body', 10)]);
    expect(kept.map((problem) => problem.line)).toEqual([10, 12]);
  });
});
