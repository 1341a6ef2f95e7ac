import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  cardAlt,
  cropPath,
  shareImagePath,
  SHARE_IMAGE,
  type ShareImageJob,
} from '../../src/share-image/cards.ts';
import {
  cacheKey,
  cachedShareImage,
  fitText,
  missingGlyphs,
  renderShareImage,
} from '../../src/share-image/render.ts';

const photoFile = join(import.meta.dirname, '../fixtures/minimal/articles/sample-story/photo.jpg');

const article: ShareImageJob = {
  path: '/og/articles/x.jpg',
  width: 1200,
  height: 630,
  alt: 'Backstory: headline',
  card: {
    kind: 'text',
    kicker: 'Explainer',
    title: '39 countries meet in Paris on security guarantees for Ukraine',
    footer: 'PARIS · September 4, 2025',
  },
};
const event: ShareImageJob = {
  ...article,
  path: '/og/articles/x/timeline/e.jpg',
  card: {
    kind: 'text',
    kicker: 'Timeline · Event 5 of 7',
    title: 'Putin says he has "never ruled out" meeting Zelensky',
    names: ['Vladimir Putin (Владимир Путин)', 'Volodymyr Zelensky (Володимир Зеленський)'],
    footer: 'September 3, 2025 · 1 day before the main event',
  },
};
const photo: ShareImageJob = {
  ...article,
  path: '/og/articles/x/photos/p.jpg',
  card: {
    kind: 'photo',
    file: photoFile,
    credit: 'Ludovic Marin / POOL / AFP',
    placeholder: true,
    drawCredit: true,
  },
};

async function dimensions(bytes: Buffer) {
  const { width, height, format } = await sharp(bytes).metadata();
  return { width, height, format };
}

describe('share image paths', () => {
  it('mirror the page path under /og/', () => {
    expect(shareImagePath('/')).toBe('/og/home.jpg');
    expect(shareImagePath('/articles/x/')).toBe('/og/articles/x.jpg');
    expect(shareImagePath('/articles/x/timeline/e/')).toBe('/og/articles/x/timeline/e.jpg');
    expect(shareImagePath('/articles/x/photos/p/')).toBe('/og/articles/x/photos/p.jpg');
    expect(cropPath('/articles/x/', '16x9')).toBe('/og/articles/x/16x9.jpg');
  });

  it('describe text cards by their title and photos by their alt text and credit', () => {
    expect(cardAlt(article.card, 'Backstory')).toBe(
      'Backstory: 39 countries meet in Paris on security guarantees for Ukraine',
    );
    expect(cardAlt(photo.card, 'Backstory', 'Placeholder image of a meeting.')).toBe(
      'Placeholder image of a meeting. Credit: Ludovic Marin / POOL / AFP.',
    );
  });
});

describe('renderShareImage', () => {
  it.each([article, event, photo])('draws $path as a 1200x630 JPEG under 300 KB', async (job) => {
    const bytes = await renderShareImage(job);
    expect(await dimensions(bytes)).toEqual({ width: 1200, height: 630, format: 'jpeg' });
    expect(bytes.length).toBeLessThanOrEqual(SHARE_IMAGE.maxBytes);
  });

  it.each([article, event, photo])('draws $path byte for byte the same twice', async (job) => {
    const [first, second] = [await renderShareImage(job), await renderShareImage(job)];
    expect(first.equals(second)).toBe(true);
  });

  it('draws structured-data crops at their own size', async () => {
    const crop: ShareImageJob = {
      ...photo,
      width: 1000,
      height: 1000,
      card: { ...photo.card, drawCredit: false } as ShareImageJob['card'],
    };
    expect(await dimensions(await renderShareImage(crop))).toEqual({
      width: 1000,
      height: 1000,
      format: 'jpeg',
    });
  });

  it('refuses characters no font can draw, naming the page', async () => {
    const job: ShareImageJob = {
      ...article,
      card: { ...article.card, title: 'Meeting in თბილისი' } as ShareImageJob['card'],
    };
    await expect(renderShareImage(job)).rejects.toThrow(
      /\/og\/articles\/x\.jpg: no share-image font .*glyph for "თბილს"/,
    );
    expect(missingGlyphs('Зеленський ґ Їжак', { name: 'Noto Serif', weight: 700 })).toEqual([]);
  });
});

describe('fitText', () => {
  const size = { width: 1200, height: 630 };

  it('gives a short title the largest size and keeps it whole', async () => {
    const layout = await fitText({ kind: 'text', kicker: 'People', title: 'Mark Rutte' }, size);
    expect(layout).toEqual({ title: 'Mark Rutte', titleSize: 76, names: [] });
  });

  it('shrinks a long title with Cyrillic names rather than cut it', async () => {
    const title =
      'Зустріч у Парижі: тридцять дев’ять країн обговорили гарантії безпеки для України після переговорів у Вашингтоні';
    const layout = await fitText(
      { kind: 'text', kicker: 'Explainer', title, names: ['Володимир Зеленський'] },
      size,
    );
    expect(layout.title).toBe(title);
    expect(layout.names).toEqual(['Володимир Зеленський']);
    expect(layout.titleSize).toBeLessThan(76);
  });

  it('picks a size at which no word is wider than a line', async () => {
    // Two lines would fit at the largest size, but the first word would not: Satori would break it.
    const title = 'Supercalifragilisticexpialidocious talks';
    const layout = await fitText({ kind: 'text', kicker: 'Explainer', title }, size);
    expect(layout.title).toBe(title);
    expect(layout.titleSize).toBeLessThan(76);
  });

  it('drops names before words, and words only whole, with an ellipsis', async () => {
    const title = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const names = Array.from({ length: 12 }, (_, i) => `Person Number${i} (Особа ${i})`);
    const layout = await fitText({ kind: 'text', kicker: 'Explainer', title, names }, size);
    expect(layout.names).toEqual([]);
    expect(layout.title.endsWith('…')).toBe(true);
    const kept = layout.title.slice(0, -1).split(' ');
    expect(title.split(' ').slice(0, kept.length)).toEqual(kept);
  }, 30_000);
});

describe('the share image cache', () => {
  it('draws once and then reads the same bytes from the cache', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'backstory-og-test-'));
    const first = await cachedShareImage(event, dir);
    expect(readdirSync(dir)).toEqual([`${cacheKey(event)}.jpg`]);
    const second = await cachedShareImage(event, dir);
    expect(second.equals(first)).toBe(true);
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('keys on everything drawn: the text, the size and the photo itself', () => {
    const retitled = {
      ...article,
      card: { ...article.card, title: 'Another title' } as ShareImageJob['card'],
    };
    expect(cacheKey(retitled)).not.toBe(cacheKey(article));
    expect(cacheKey({ ...article, width: 1000, height: 1000 })).not.toBe(cacheKey(article));
    expect(cacheKey({ ...article, path: '/og/elsewhere.jpg', alt: 'other' })).toBe(cacheKey(article));
    const otherPhoto = join(import.meta.dirname, '../fixtures/images/large.jpg');
    const moved = { ...photo, card: { ...photo.card, file: otherPhoto } as ShareImageJob['card'] };
    expect(cacheKey(moved)).not.toBe(cacheKey(photo));
  });

  it("keys a photo by its file's bytes, wherever the file is", (context) => {
    const dir = mkdtempSync(join(tmpdir(), 'backstory-og-key-'));
    context.onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const at = (file: string) => ({ ...photo, card: { ...photo.card, file } }) as ShareImageJob;
    const [here, there] = [join(dir, 'here.jpg'), join(dir, 'there.jpg')];
    copyFileSync(photoFile, here);
    copyFileSync(photoFile, there);
    const key = cacheKey(at(here));
    expect(cacheKey(at(there))).toBe(key);
    expect(cacheKey(photo)).toBe(key);
    // Other bytes of the same size (one bit flipped), the file's time moved on as a save does.
    const bytes = readFileSync(here);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
    writeFileSync(here, bytes);
    const { atime, mtime } = statSync(here);
    utimesSync(here, atime, new Date(mtime.getTime() + 5000));
    const edited = cacheKey(at(here));
    expect(edited).not.toBe(key);
    // Another photo put in its place.
    copyFileSync(join(import.meta.dirname, '../fixtures/images/large.jpg'), here);
    expect(cacheKey(at(here))).not.toBe(key);
    expect(cacheKey(at(here))).not.toBe(edited);
    // Put back: the first key again.
    copyFileSync(photoFile, here);
    expect(cacheKey(at(here))).toBe(key);
  });
});
