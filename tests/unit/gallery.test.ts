import { describe, expect, it } from 'vitest';
import {
  photoAnchor,
  photoDescription,
  photoIdFromHash,
  photoPage,
  positionLabel,
  wrapIndex,
} from '../../src/lib/gallery';

const photo = (id: string, placeholder = false) => ({
  id,
  caption: `Caption of ${id}.`,
  credit: 'Ann Photographer / Agency',
  placeholder,
});
const gallery = [photo('first'), photo('second', true), photo('third')];
const article = { slug: 'paris-talks', title: 'Leaders meet in Paris' };

describe('photo hashes', () => {
  it('round-trips an id through the anchor and the URL hash', () => {
    expect(photoAnchor('macron-welcomes-zelensky')).toBe('photo-macron-welcomes-zelensky');
    expect(photoIdFromHash('#photo-macron-welcomes-zelensky')).toBe('macron-welcomes-zelensky');
    expect(photoIdFromHash('photo-x1')).toBe('x1');
  });

  it('ignores hashes that do not name a photo', () => {
    for (const hash of [
      '',
      '#',
      '#main',
      '#event-paris-meeting',
      '#photo-',
      '#photo-Bad',
      '#photo-a--b',
      '#xphoto-a',
    ]) {
      expect(photoIdFromHash(hash)).toBeUndefined();
    }
  });
});

describe('position in the sequence', () => {
  it('counts from one', () => {
    expect(positionLabel(0, 3)).toBe('Photo 1 of 3');
    expect(positionLabel(2, 3)).toBe('Photo 3 of 3');
  });

  it('loops at both ends in the lightbox', () => {
    expect(wrapIndex(3, 3)).toBe(0);
    expect(wrapIndex(-1, 3)).toBe(2);
    expect(wrapIndex(1, 3)).toBe(1);
    expect(wrapIndex(0, 1)).toBe(0);
  });
});

describe('photoPage', () => {
  it('links the first photo to the next one only, and back to the article', () => {
    const page = photoPage(article, gallery, 0);
    expect(page.href).toBe('/articles/paris-talks/photos/first/');
    expect(page.position).toBe('Photo 1 of 3');
    expect(page.previous).toBeUndefined();
    expect(page.next?.href).toBe('/articles/paris-talks/photos/second/');
    expect(page.articleHref).toBe('/articles/paris-talks/');
  });

  it('links a middle photo both ways, without looping at the ends', () => {
    const middle = photoPage(article, gallery, 1);
    expect(middle.previous?.photo.id).toBe('first');
    expect(middle.next?.photo.id).toBe('third');
    expect(photoPage(article, gallery, 2).next).toBeUndefined();
  });

  it('titles the page by its place in the article and describes it by caption and credit', () => {
    const page = photoPage(article, gallery, 2);
    expect(page.title).toBe('Photo 3 of 3: Leaders meet in Paris');
    expect(page.description).toBe('Caption of third. (Ann Photographer / Agency)');
  });

  it('says a placeholder is one, in the description too', () => {
    expect(photoDescription(gallery[1]!)).toBe(
      'Placeholder image. Caption of second. (Ann Photographer / Agency)',
    );
  });

  it('refuses an index outside the gallery', () => {
    expect(() => photoPage(article, gallery, 3)).toThrow(RangeError);
  });
});
