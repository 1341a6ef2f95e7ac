/**
 * PNG icons drawn from public/favicon.svg at build: the web manifest's icons, the publisher logo
 * of structured data and the Apple touch icon (opaque, as iOS wants it).
 */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import favicon from '../../../public/favicon.svg?raw';
import { pageKey } from '../../lib/page-key.ts';
import { site } from '../../site.ts';

export const ICONS = {
  'icon-192.png': { size: 192, opaque: false },
  'icon-512.png': { size: 512, opaque: false },
  'apple-touch-icon.png': { size: 180, opaque: true },
} as const;

// Drawn from code alone (the SVG is imported): Astro's hash of the code decides when to draw again.
export const getStaticPaths = (() =>
  Object.entries(ICONS).map(([icon, spec]) => ({
    params: { icon },
    props: spec,
    cacheKey: pageKey(icon, spec),
  }))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

/** The favicon at `size` pixels, PNG. */
export async function iconPng(size: number, opaque = false): Promise<Buffer> {
  // Imported here, not at the top: a warm build reuses the icons and need not load sharp (0.1 s).
  const { default: sharp } = await import('sharp');
  const image = sharp(Buffer.from(favicon), { density: (72 * size) / 32 }).resize(size, size);
  return (opaque ? image.flatten({ background: site.themeColor }) : image)
    .png({ compressionLevel: 9 })
    .toBuffer();
}

export const GET: APIRoute<Props> = async ({ props }) =>
  new Response(new Uint8Array(await iconPng(props.size, props.opaque)), {
    headers: { 'Content-Type': 'image/png' },
  });
