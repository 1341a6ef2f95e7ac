/**
 * /favicon.ico for the clients that ask for it whatever the page says: a 32 px PNG in an ICO
 * wrapper. A route with one path, so that it has a `cacheKey` and a warm build copies it rather
 * than loading sharp to draw it again.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { iconPng } from './icons/[icon].ts';

export const getStaticPaths = (() => [
  { params: { name: 'favicon' }, cacheKey: 'favicon-32' },
]) satisfies GetStaticPaths;

/** An ICO file holding one PNG image (allowed since Windows Vista; every browser reads it). */
function icoOf(png: Buffer, size: number): Buffer {
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size >= 256 ? 0 : size, 6); // width
  header.writeUInt8(size >= 256 ? 0 : size, 7); // height
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9); // reserved
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14); // image size
  header.writeUInt32LE(22, 18); // image offset
  return Buffer.concat([header, png]);
}

export const GET: APIRoute = async () =>
  new Response(new Uint8Array(icoOf(await iconPng(32), 32)), { headers: { 'Content-Type': 'image/x-icon' } });
