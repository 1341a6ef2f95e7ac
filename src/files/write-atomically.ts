/** Writing a file so that no reader sees half of it (the share-image and font caches). */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes `content` to `file` (making its folder) through a temporary file and a rename: a reader,
 * such as a second build sharing the cache, never sees half of it.
 */
export function writeAtomically(file: string, content: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}
