/**
 * Photos on an image CDN (src/build/image-cdn.ts, src/build/image-cdn-service.ts): the URL each
 * CDN is asked for, the service astro.config.mjs gets from the environment, and escaping.
 */
import { existsSync } from 'node:fs';
import type { ImageMetadata } from 'astro';
import { describe, expect, it } from 'vitest';
import service from '../../src/build/image-cdn-service.ts';
import {
  cdnUrl,
  IMAGE_CDNS,
  imageService,
  type CdnConfig,
  type ImageCdn,
} from '../../src/build/image-cdn.ts';

const SITE = 'https://backstory.example';
const IMGPROXY = 'https://img.backstory.example';
const PIXELS = 100_000_000;
const PHOTO: ImageMetadata = { src: '/_astro/macron.AbC123.jpg', width: 3000, height: 2000, format: 'jpg' };
/** The gallery's request: astro:assets' `<Image>` with these widths, webp at quality 80. */
const WIDTHS = [400, 800, 1200, 1600];

const configs: Record<ImageCdn, CdnConfig> = {
  netlify: { cdn: 'netlify', siteUrl: SITE },
  cloudflare: { cdn: 'cloudflare', siteUrl: SITE },
  imgproxy: { cdn: 'imgproxy', siteUrl: SITE, imgproxyUrl: IMGPROXY },
};

type Logger = Parameters<typeof service.getURL>[2];
type ImageConfig = Parameters<typeof service.getURL>[1];
const logger = {} as Logger;
const imageConfigOf = (config: CdnConfig) =>
  ({ service: { entrypoint: 'image-cdn-service', config } }) as unknown as ImageConfig;

/** The srcset astro:assets' getImage() makes with the service: validate, list the sizes, ask each URL. */
async function srcsetOf(config: CdnConfig, image: ImageMetadata = PHOTO) {
  const imageConfig = imageConfigOf(config);
  const options = await service.validateOptions!(
    { src: image, widths: [...WIDTHS], format: 'webp', quality: 80 },
    imageConfig,
    logger,
  );
  const sizes = await service.getSrcSet!(options, imageConfig, logger);
  return Promise.all(
    sizes.map(async ({ transform, descriptor }) => ({
      descriptor,
      url: await service.getURL(transform, imageConfig, logger),
    })),
  );
}

const EXPECTED: Record<ImageCdn, { 400: string; 1600: string }> = {
  netlify: {
    400: '/.netlify/images?url=/_astro/macron.AbC123.jpg&w=400&h=267&fm=webp&q=80',
    1600: '/.netlify/images?url=/_astro/macron.AbC123.jpg&w=1600&h=1067&fm=webp&q=80',
  },
  cloudflare: {
    400: '/cdn-cgi/image/width=400,height=267,format=webp,quality=80/_astro/macron.AbC123.jpg',
    1600: '/cdn-cgi/image/width=1600,height=1067,format=webp,quality=80/_astro/macron.AbC123.jpg',
  },
  imgproxy: {
    400: `${IMGPROXY}/insecure/rs:fit:400:267/q:80/plain/${SITE}/_astro/macron.AbC123.jpg@webp`,
    1600: `${IMGPROXY}/insecure/rs:fit:1600:1067/q:80/plain/${SITE}/_astro/macron.AbC123.jpg@webp`,
  },
};

describe('cdnUrl', () => {
  for (const cdn of IMAGE_CDNS) {
    it(`asks ${cdn} for a 3000x2000 photo at 400 and 1600 wide, webp at 80`, () => {
      const at = (width: 400 | 1600) =>
        cdnUrl(configs[cdn], {
          src: PHOTO.src,
          width,
          height: Math.round(width / 1.5),
          format: 'webp',
          quality: 80,
        });
      expect(at(400)).toBe(EXPECTED[cdn][400]);
      expect(at(1600)).toBe(EXPECTED[cdn][1600]);
    });
  }

  it('leaves out the height when none is given', () => {
    const image = { src: PHOTO.src, width: 400, format: 'webp', quality: 80 };
    expect(cdnUrl(configs.netlify, image)).toBe(
      '/.netlify/images?url=/_astro/macron.AbC123.jpg&w=400&fm=webp&q=80',
    );
    expect(cdnUrl(configs.cloudflare, image)).toBe(
      '/cdn-cgi/image/width=400,format=webp,quality=80/_astro/macron.AbC123.jpg',
    );
    expect(cdnUrl(configs.imgproxy, image)).toBe(
      `${IMGPROXY}/insecure/rs:fit:400:0/q:80/plain/${SITE}/_astro/macron.AbC123.jpg@webp`,
    );
  });

  it("uses each CDN's name for JPEG and refuses a format the CDN does not make", () => {
    const jpeg = { src: PHOTO.src, width: 400, format: 'jpeg', quality: 80 };
    expect(cdnUrl(configs.netlify, jpeg)).toContain('&fm=jpg&');
    expect(cdnUrl(configs.cloudflare, jpeg)).toContain(',format=jpeg,');
    expect(cdnUrl(configs.imgproxy, jpeg)).toMatch(/@jpg$/);
    expect(() => cdnUrl(configs.cloudflare, { ...jpeg, format: 'png' })).toThrow(
      /cloudflare cannot make format png/,
    );
  });
});

describe('escaping', () => {
  const NAMES = ['/_astro/Zelensky Kyiv ü.hash.jpg', '/_astro/Zelensky Kyiv ü@2x & more.hash.jpg'];
  const image = (src: string) => ({ src, width: 400, height: 267, format: 'webp', quality: 80 });

  for (const src of NAMES) {
    it(`percent-encodes ${src} where each vendor requires`, () => {
      const netlify = cdnUrl(configs.netlify, image(src));
      const cloudflare = cdnUrl(configs.cloudflare, image(src));
      const imgproxy = cdnUrl(configs.imgproxy, image(src));
      // Printable ASCII only: no space can split a srcset entry, nothing for a browser to re-encode.
      for (const url of [netlify, cloudflare, imgproxy]) expect(url).toMatch(/^[\x21-\x7e]+$/);

      // Netlify: `url` is a query value and reads back as the file's path.
      const query = new URL(netlify, SITE).searchParams;
      expect(query.get('url')).toBe(src);
      expect([...query.keys()]).toEqual(['url', 'w', 'h', 'fm', 'q']);

      // Cloudflare: the path as the browser requests the original, after the options.
      const tail = cloudflare.replace('/cdn-cgi/image/width=400,height=267,format=webp,quality=80/', '/');
      expect(tail).toBe(new URL(src.replaceAll('@', '%40').replaceAll('&', '%26'), SITE).pathname);
      expect(decodeURIComponent(tail)).toBe(src);

      // imgproxy: one unescape (Go's url.PathUnescape) gives the original's absolute URL, and
      // no raw `@` comes before the one that starts the extension.
      const plain = imgproxy.slice(imgproxy.indexOf('/plain/') + '/plain/'.length);
      expect(plain.split('@')).toHaveLength(2);
      const [source, extension] = plain.split('@') as [string, string];
      expect(extension).toBe('webp');
      const sourceUrl = decodeURIComponent(source);
      expect(new URL(sourceUrl).origin).toBe(SITE);
      expect(decodeURIComponent(new URL(sourceUrl).pathname)).toBe(src);
    });
  }

  it('writes the first example exactly', () => {
    const src = NAMES[0]!;
    expect(cdnUrl(configs.netlify, image(src))).toBe(
      '/.netlify/images?url=/_astro/Zelensky%20Kyiv%20%C3%BC.hash.jpg&w=400&h=267&fm=webp&q=80',
    );
    expect(cdnUrl(configs.cloudflare, image(src))).toBe(
      '/cdn-cgi/image/width=400,height=267,format=webp,quality=80/_astro/Zelensky%20Kyiv%20%C3%BC.hash.jpg',
    );
    expect(cdnUrl(configs.imgproxy, image(src))).toBe(
      `${IMGPROXY}/insecure/rs:fit:400:267/q:80/plain/${SITE}/_astro/Zelensky%2520Kyiv%2520%25C3%25BC.hash.jpg@webp`,
    );
  });
});

describe('imageService', () => {
  it("is Astro's sharp service, with the pixel limit, without IMAGE_CDN", () => {
    const sharp = { entrypoint: 'astro/assets/services/sharp', config: { limitInputPixels: PIXELS } };
    expect(imageService({}, SITE, PIXELS)).toEqual(sharp);
    expect(imageService({ IMAGE_CDN: '' }, SITE, PIXELS)).toEqual(sharp);
  });

  it('is the external service with each CDN', () => {
    const netlify = imageService({ IMAGE_CDN: 'netlify' }, SITE, PIXELS);
    const cloudflare = imageService({ IMAGE_CDN: 'cloudflare' }, SITE, PIXELS);
    const imgproxy = imageService(
      { IMAGE_CDN: 'imgproxy', IMGPROXY_URL: `${IMGPROXY}/`, SITE_URL: SITE },
      SITE,
      PIXELS,
    );
    expect(netlify.config).toEqual({ cdn: 'netlify', siteUrl: SITE });
    expect(cloudflare.config).toEqual({ cdn: 'cloudflare', siteUrl: SITE });
    expect(imgproxy.config).toEqual({ cdn: 'imgproxy', siteUrl: SITE, imgproxyUrl: IMGPROXY });
    for (const { entrypoint } of [netlify, cloudflare, imgproxy]) {
      expect(entrypoint).toMatch(/src[\\/]build[\\/]image-cdn-service\.ts$/);
      expect(existsSync(entrypoint), entrypoint).toBe(true);
    }
  });

  it('refuses an unknown CDN, and imgproxy without IMGPROXY_URL or SITE_URL', () => {
    expect(() => imageService({ IMAGE_CDN: 'akamai' }, SITE, PIXELS)).toThrow(
      'IMAGE_CDN=akamai is not one of netlify, cloudflare, imgproxy',
    );
    expect(() => imageService({ IMAGE_CDN: 'imgproxy', SITE_URL: SITE }, SITE, PIXELS)).toThrow(
      /IMAGE_CDN=imgproxy needs IMGPROXY_URL/,
    );
    // Without SITE_URL the site's URL is the placeholder in src/site.ts, which imgproxy cannot fetch.
    expect(() => imageService({ IMAGE_CDN: 'imgproxy', IMGPROXY_URL: IMGPROXY }, SITE, PIXELS)).toThrow(
      /IMAGE_CDN=imgproxy needs SITE_URL/,
    );
  });
});

describe('the external service', () => {
  for (const cdn of IMAGE_CDNS) {
    it(`gives cdnUrl's URL for each ${cdn} srcset size, never wider than the original`, async () => {
      const srcset = await srcsetOf(configs[cdn]);
      expect(srcset.map(({ descriptor }) => descriptor)).toEqual(['400w', '800w', '1200w', '1600w']);
      expect(srcset[0]!.url).toBe(EXPECTED[cdn][400]);
      expect(srcset[3]!.url).toBe(EXPECTED[cdn][1600]);

      const narrow = await srcsetOf(configs[cdn], { ...PHOTO, width: 1000, height: 800 });
      expect(narrow.map(({ descriptor }) => descriptor)).toEqual(['400w', '800w', '1000w']);
    });

    it(`reads the ${cdn} config from imageConfig and defaults to webp at 80`, async () => {
      const config = imageService({ IMAGE_CDN: cdn, IMGPROXY_URL: IMGPROXY, SITE_URL: SITE }, SITE, PIXELS)
        .config as CdnConfig;
      const url = await service.getURL(
        { src: PHOTO, width: 400, height: 267 },
        imageConfigOf(config),
        logger,
      );
      expect(url).toBe(
        cdnUrl(config, { src: PHOTO.src, width: 400, height: 267, format: 'webp', quality: 80 }),
      );
      expect(url).toBe(EXPECTED[cdn][400]);
      const fromString = await service.getURL(
        { src: PHOTO.src, width: 1600, height: 1067, format: 'webp', quality: 'high' },
        imageConfigOf(config),
        logger,
      );
      expect(fromString).toBe(EXPECTED[cdn][1600]);
    });
  }

  it('refuses an absolute URL, which would put the full-size original in every srcset candidate', () => {
    for (const remote of ['https://images.example/photo.jpg', '//cdn.example/_astro/photo.jpg'])
      expect(() =>
        service.getURL({ src: remote, width: 400, height: 300 }, imageConfigOf(configs.netlify), logger),
      ).toThrow(/takes the site's own images only/);
  });
});
