/** Real photo files read as the pages get them (src/files/photos.ts), with a cache of their own. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PhotoImage } from '../../src/lib/photo-variants.ts';
import { describePhotos } from '../../src/files/photos.ts';

/** Each file (relative to the repository) read: its pixel size and hash. */
export async function photoImages(...files: string[]): Promise<PhotoImage[]> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'photo-images-'));
  try {
    const images = await describePhotos(
      files.map((file) => ({ file, field: file })),
      cacheDir,
      '.', // test photos live in tests/fixtures/ as well as content/
    );
    return files.map((file) => images.get(file)!);
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}
