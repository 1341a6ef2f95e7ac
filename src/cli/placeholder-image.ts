/**
 * The placeholder drawing for photos we hold no licence for: a dashed frame, "PLACEHOLDER",
 * "Photo not licensed to Backstory" and a short label, on a gradient whose hue comes from the
 * label so neighbouring placeholders are told apart at a glance. Used by `npm run placeholder`
 * and `npm run new`.
 */
import sharp from 'sharp';

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Writes a 1600x1000 placeholder image to `output` (.jpg, .png or .webp by its extension). */
export async function drawPlaceholder(output: string, label: string): Promise<void> {
  const hue = [...label].reduce((sum, c) => (sum * 31 + c.charCodeAt(0)) % 360, 200);
  const width = 1600;
  const height = 1000;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="hsl(${hue},25%,32%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},30%,18%)"/>
  </linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#g)"/>
  <rect x="60" y="60" width="${width - 120}" height="${height - 120}" fill="none" stroke="#fff" stroke-opacity=".35" stroke-width="4" stroke-dasharray="24 16"/>
  <g fill="#fff" font-family="DejaVu Sans, sans-serif" text-anchor="middle">
    <text x="50%" y="46%" font-size="96" font-weight="bold" letter-spacing="6">PLACEHOLDER</text>
    <text x="50%" y="56%" font-size="44" fill-opacity=".85">Photo not licensed to Backstory</text>
    <text x="50%" y="66%" font-size="36" fill-opacity=".7">${escape(label)}</text>
  </g>
</svg>`;
  const image = sharp(Buffer.from(svg));
  if (/\.png$/i.test(output)) await image.png().toFile(output);
  else if (/\.webp$/i.test(output)) await image.webp({ quality: 72 }).toFile(output);
  else await image.jpeg({ quality: 72, mozjpeg: true }).toFile(output);
}
