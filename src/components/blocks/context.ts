/** The article an MDX block sits in, as its page put it in Astro.locals. */
import type { BlockContext } from '../../model/data.ts';

export function articleOf(locals: App.Locals, block: string): BlockContext {
  if (!locals.article) throw new Error(`<${block}> can only be used inside an article`);
  return locals.article;
}

/** Looks up `id` in `items`, failing with the block, the article and the ids that exist. */
export function pick<T extends { id: string }>(
  items: readonly T[],
  id: string,
  block: string,
  article: string,
): T {
  const item = items.find((candidate) => candidate.id === id);
  if (!item) {
    throw new Error(
      `<${block}> in article "${article}": unknown id "${id}"; known: ${items.map((i) => i.id).join(', ')}`,
    );
  }
  return item;
}
