/**
 * The external astro:assets image service used when `IMAGE_CDN` names an image CDN
 * (./image-cdn.ts, docs/deploy.md): each `src` and `srcset` URL points at the CDN, which makes the
 * size from the original in dist/_astro/. Astro's base service checks the options and lists the
 * srcset sizes (widths no wider than the original), as it does for the sharp service; only the
 * URLs differ.
 */
import type { ExternalImageService, ImageTransform } from 'astro';
import { baseService } from 'astro/assets';
import { cdnUrl, type CdnConfig } from './image-cdn.ts';

const DEFAULT_FORMAT = 'webp';
const DEFAULT_QUALITY = 80;
/** Astro's quality presets, as its sharp service reads them. */
const QUALITY_PRESETS: Record<string, number> = { low: 25, mid: 50, high: 80, max: 100 };

function qualityOf(quality: ImageTransform['quality']): number {
  if (quality === undefined || quality === null || quality === '') return DEFAULT_QUALITY;
  if (typeof quality === 'number') return Math.round(quality);
  const preset = QUALITY_PRESETS[quality];
  if (preset !== undefined) return preset;
  const parsed = Number.parseInt(quality, 10);
  if (Number.isNaN(parsed))
    throw new Error(`image quality ${quality} is neither a number nor low/mid/high/max`);
  return parsed;
}

const service: ExternalImageService<CdnConfig> = {
  validateOptions: baseService.validateOptions!,
  getHTMLAttributes: baseService.getHTMLAttributes!,
  getSrcSet: baseService.getSrcSet!,
  getURL(options, imageConfig) {
    const src = typeof options.src === 'string' ? options.src : options.src.src;
    // Gallery photos are local: an absolute URL here (a remote image, or `build.assetsPrefix`)
    // would publish the full-size original in every srcset candidate.
    if (/^[a-z][a-z\d+.-]*:/i.test(src) || src.startsWith('//'))
      throw new Error(`image ${src}: the image CDN service takes the site's own images only`);
    const format = String(options.format ?? DEFAULT_FORMAT);
    // SVG is drawn at any size by the browser, and no CDN here resizes it.
    if (format === 'svg') return src;
    const width = options.width ?? (typeof options.src === 'string' ? undefined : options.src.width);
    if (!width) throw new Error(`image ${src}: no width to ask the image CDN for`);
    return cdnUrl(imageConfig.service.config, {
      src,
      width: Math.round(Number(width)),
      height: options.height ? Math.round(Number(options.height)) : undefined,
      format,
      quality: qualityOf(options.quality),
    });
  },
};

export default service;
