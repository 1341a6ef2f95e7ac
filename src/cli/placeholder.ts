/**
 * Draws a placeholder image for a photo we hold no licence for:
 *   npm run placeholder -- content/articles/<slug>/<name>.jpg "Short label"
 * The image says it is a placeholder; the caption and credit stay in the frontmatter.
 */
import sharp from 'sharp';

const [output, label = ''] = process.argv.slice(2);
if (!output || !/\.(jpe?g|png|webp)$/i.test(output)) {
  console.error('usage: npm run placeholder -- content/articles/<slug>/<name>.jpg "Short label"');
  process.exit(2);
}

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

// The hue comes from the label so neighbouring placeholders are told apart at a glance.
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

await sharp(Buffer.from(svg)).jpeg({ quality: 72, mozjpeg: true }).toFile(output);
console.log(`wrote ${output}`);
