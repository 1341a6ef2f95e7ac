/**
 * Draws a placeholder image for a photo we hold no licence for:
 *   npm run placeholder -- content/articles/<slug>/<name>.jpg "Short label"
 * The image says it is a placeholder; the caption and credit stay in the frontmatter.
 */
import { drawPlaceholder } from './placeholder-image.ts';

const [output, label = ''] = process.argv.slice(2);
if (!output || !/\.(jpe?g|png|webp)$/i.test(output)) {
  console.error('usage: npm run placeholder -- content/articles/<slug>/<name>.jpg "Short label"');
  process.exit(2);
}

await drawPlaceholder(output, label);
console.log(`wrote ${output}`);
