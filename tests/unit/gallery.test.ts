import { describe, expect, it } from 'vitest';
import {
  articlePhotos,
  photoAnchor,
  photoDescription,
  photoIdFromHash,
  describePhotoPage,
  photosInPageOrder,
  positionLabel,
  wrapIndex,
} from '../../src/lib/gallery.ts';

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

describe('describePhotoPage', () => {
  it('links the first photo to the next one only, and back to the article', () => {
    const page = describePhotoPage(article, gallery, 0);
    expect(page.href).toBe('/articles/paris-talks/photos/first/');
    expect(page.position).toBe('Photo 1 of 3');
    expect(page.previous).toBeUndefined();
    expect(page.next?.href).toBe('/articles/paris-talks/photos/second/');
    expect(page.articleHref).toBe('/articles/paris-talks/');
  });

  it('links a middle photo both ways, without looping at the ends', () => {
    const middle = describePhotoPage(article, gallery, 1);
    expect(middle.previous?.photo.id).toBe('first');
    expect(middle.next?.photo.id).toBe('third');
    expect(describePhotoPage(article, gallery, 2).next).toBeUndefined();
  });

  it('titles the page by its place in the article and describes it by caption and credit', () => {
    const page = describePhotoPage(article, gallery, 2);
    expect(page.title).toBe('Photo 3 of 3: Leaders meet in Paris');
    expect(page.description).toBe('Caption of third. (Ann Photographer / Agency)');
  });

  it('says a placeholder is one, in the description too', () => {
    expect(photoDescription(gallery[1]!)).toBe(
      'Placeholder image. Caption of second. (Ann Photographer / Agency)',
    );
  });

  it('refuses an index outside the gallery', () => {
    expect(() => describePhotoPage(article, gallery, 3)).toThrow(RangeError);
  });
});

describe('articlePhotos', () => {
  const ids = ({ lead, more }: ReturnType<typeof articlePhotos<{ id: string }>>) => ({
    lead: lead?.id,
    more: more.map((photo) => photo.id),
  });

  it('shows the lead above the text and the rest under "More photos" when the text places none', () => {
    expect(ids(articlePhotos(gallery, []))).toEqual({ lead: 'first', more: ['second', 'third'] });
  });

  it('leaves the photos the text places out of "More photos", keeping the lead', () => {
    expect(ids(articlePhotos(gallery, ['third']))).toEqual({ lead: 'first', more: ['second'] });
    expect(ids(articlePhotos(gallery, ['third', 'second']))).toEqual({ lead: 'first', more: [] });
  });

  it('shows a lead the text places only there, never promoting another photo to lead', () => {
    expect(ids(articlePhotos(gallery, ['first']))).toEqual({ lead: undefined, more: ['second', 'third'] });
    expect(ids(articlePhotos([photo('only')], ['only']))).toEqual({ lead: undefined, more: [] });
  });

  it('shows nothing for an article without photos, and ignores ids that are not in the gallery', () => {
    expect(ids(articlePhotos([], ['x']))).toEqual({ lead: undefined, more: [] });
    expect(ids(articlePhotos(gallery, ['x']))).toEqual({ lead: 'first', more: ['second', 'third'] });
  });
});

describe('photosInPageOrder', () => {
  const ids = (photos: readonly { id: string }[]) => photos.map((one) => one.id);
  const four = [photo('lead'), photo('b'), photo('c'), photo('d')];

  it('puts the lead first, then the photos the text places in its order, then the rest', () => {
    expect(ids(photosInPageOrder(four, ['d', 'b']))).toEqual(['lead', 'd', 'b', 'c']);
  });

  it('counts a placed lead where the text places it, and each photo once', () => {
    expect(ids(photosInPageOrder(four, ['c', 'lead', 'c']))).toEqual(['c', 'lead', 'b', 'd']);
  });

  it('keeps gallery order when the text places nothing, and ignores unknown ids', () => {
    expect(ids(photosInPageOrder(four, []))).toEqual(['lead', 'b', 'c', 'd']);
    expect(ids(photosInPageOrder(four, ['zz']))).toEqual(['lead', 'b', 'c', 'd']);
    expect(photosInPageOrder([], ['x'])).toEqual([]);
  });
});
