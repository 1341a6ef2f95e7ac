/** Renders an .astro component through the Container API and parses the result for assertions. */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import { parse, type HTMLElement } from 'node-html-parser';

let container: AstroContainer | undefined;

export async function render(
  component: AstroComponentFactory,
  props: Record<string, unknown> = {},
  slots: Record<string, string> = {},
): Promise<HTMLElement> {
  container ??= await AstroContainer.create();
  const html = await container.renderToString(component, { props, slots });
  return parse(html);
}

/** Visible text with whitespace collapsed. */
export function textOf(node: HTMLElement | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
