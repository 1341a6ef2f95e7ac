/** writeAtomically (src/files/write-atomically.ts): the share-image and font caches' writes. */
import { linkSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeAtomically } from '../../src/files/write-atomically.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'write-atomically-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('writeAtomically', () => {
  it('makes the folders the file needs and leaves no temporary file behind', () => {
    const file = join(root, 'a/b/image.jpg');
    writeAtomically(file, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(file)]).toEqual([1, 2, 3]);
    expect(readdirSync(join(root, 'a/b'))).toEqual(['image.jpg']);
  });

  it('replaces the file rather than writing into it: another name for the old file keeps its bytes', () => {
    const file = join(root, 'card.jpg');
    writeAtomically(file, 'old');
    linkSync(file, join(root, 'copy.jpg'));
    writeAtomically(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readFileSync(join(root, 'copy.jpg'), 'utf8')).toBe('old');
  });
});
