/**
 * Photos made by an image CDN instead of by the build (docs/deploy.md, "Images on an image CDN").
 *
 * By default Astro's sharp service makes every size of every photo on the build machine. With
 * `IMAGE_CDN=netlify|cloudflare|imgproxy`, astro:assets uses the external service in
 * ./image-cdn-service.ts instead: a photo's `src` and `srcset` become CDN URLs built by `cdnUrl`
 * below, and the CDN makes each size from the original on the first request.
 */
import { fileURLToPath } from 'node:url';

/** The supported image CDNs, the values of `IMAGE_CDN`. */
export const IMAGE_CDNS = ['netlify', 'cloudflare', 'imgproxy'] as const;
export type ImageCdn = (typeof IMAGE_CDNS)[number];

/** `image.service.config` of the external service: what `cdnUrl` needs besides the photo. */
export interface CdnConfig {
  cdn: ImageCdn;
  /** The site's public origin (SITE_URL): imgproxy fetches originals by absolute URL. */
  siteUrl: string;
  /** Where the imgproxy server answers (IMGPROXY_URL); imgproxy only. */
  imgproxyUrl?: string;
}

/** One size of one photo. `src` is the original's root-relative URL path as astro:assets names it. */
export interface CdnImage {
  src: string;
  width: number;
  height?: number | undefined;
  format: string;
  quality: number;
}

/** The sharp service's `limitInputPixels`, or the external service with its config. */
export type ImageServiceConfig =
  | { entrypoint: 'astro/assets/services/sharp'; config: { limitInputPixels: number } }
  | { entrypoint: string; config: CdnConfig };

/** The external service module, as an absolute path: Astro resolves the entrypoint with no importer. */
const SERVICE_ENTRYPOINT = fileURLToPath(new URL('./image-cdn-service.ts', import.meta.url));

/**
 * The value for astro.config.mjs `image.service`: Astro's sharp service unless `env.IMAGE_CDN`
 * names an image CDN. Throws on an unknown CDN, and on imgproxy without `IMGPROXY_URL`.
 */
export function imageService(
  env: Record<string, string | undefined>,
  siteUrl: string,
  limitInputPixels: number,
): ImageServiceConfig {
  const cdn = env['IMAGE_CDN']?.trim();
  if (!cdn) return { entrypoint: 'astro/assets/services/sharp', config: { limitInputPixels } };
  if (!isImageCdn(cdn)) throw new Error(`IMAGE_CDN=${cdn} is not one of ${IMAGE_CDNS.join(', ')}`);
  const config: CdnConfig = { cdn, siteUrl };
  if (cdn === 'imgproxy') {
    // imgproxy fetches each original from the site: the placeholder origin would fetch nothing.
    if (!env['SITE_URL']?.trim())
      throw new Error('IMAGE_CDN=imgproxy needs SITE_URL, the public origin imgproxy fetches originals from');
    const imgproxyUrl = env['IMGPROXY_URL']?.trim();
    if (!imgproxyUrl)
      throw new Error('IMAGE_CDN=imgproxy needs IMGPROXY_URL, the address of your imgproxy server');
    config.imgproxyUrl = imgproxyUrl.replace(/\/+$/, '');
  }
  return { entrypoint: SERVICE_ENTRYPOINT, config };
}

function isImageCdn(name: string): name is ImageCdn {
  return (IMAGE_CDNS as readonly string[]).includes(name);
}

/** Each CDN's name for the output formats astro:assets may ask for, from its documentation. */
const FORMATS: Record<ImageCdn, Record<string, string>> = {
  netlify: { avif: 'avif', webp: 'webp', jpg: 'jpg', jpeg: 'jpg', png: 'png', gif: 'gif' },
  cloudflare: { avif: 'avif', webp: 'webp', jpg: 'jpeg', jpeg: 'jpeg' },
  imgproxy: { avif: 'avif', webp: 'webp', jpg: 'jpg', jpeg: 'jpg', png: 'png', gif: 'gif' },
};

/**
 * The original's path with each segment percent-encoded (spaces, non-ASCII, `?`, `#`, `&`...),
 * the slashes kept: the path a browser requests for that file.
 */
function encodedPath(src: string): string {
  if (!src.startsWith('/') || src.startsWith('//'))
    throw new Error(`image ${src}: an image CDN URL needs a root-relative path such as /_astro/x.jpg`);
  return src.split('/').map(encodeURIComponent).join('/');
}

/** The URL at which `config.cdn` makes `image` at its width, height, format and quality. */
export function cdnUrl(config: CdnConfig, image: CdnImage): string {
  const format = FORMATS[config.cdn][image.format.toLowerCase()];
  if (!format)
    throw new Error(
      `image ${image.src}: ${config.cdn} cannot make format ${image.format} (it makes ${Object.keys(FORMATS[config.cdn]).join(', ')})`,
    );
  const path = encodedPath(image.src);
  const { width, height, quality } = image;
  switch (config.cdn) {
    // https://docs.netlify.com/image-cdn/overview/ (url is a query value: its characters percent-encoded)
    case 'netlify': {
      const size = height ? `&w=${width}&h=${height}` : `&w=${width}`;
      return `/.netlify/images?url=${path}${size}&fm=${format}&q=${quality}`;
    }
    // https://developers.cloudflare.com/images/transform-images/transform-via-url/ (source path as the browser requests it)
    case 'cloudflare': {
      const size = height ? `width=${width},height=${height}` : `width=${width}`;
      return `/cdn-cgi/image/${size},format=${format},quality=${quality}/${path.slice(1)}`;
    }
    // https://docs.imgproxy.net/usage/processing (plain source URL escaped: % as %25, ? as %3F, @ as %40)
    case 'imgproxy': {
      if (!config.imgproxyUrl) throw new Error('the imgproxy image CDN needs IMGPROXY_URL');
      // Unsigned ("insecure" stands where the signature goes): signed URLs are out of scope.
      const source = (new URL(config.siteUrl).origin + path)
        .replaceAll('%', '%25')
        .replaceAll('?', '%3F')
        .replaceAll('@', '%40');
      return `${config.imgproxyUrl}/insecure/rs:fit:${width}:${height ?? 0}/q:${quality}/plain/${source}@${format}`;
    }
  }
}
