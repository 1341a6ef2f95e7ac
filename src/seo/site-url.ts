/** The site URL of this build: astro.config.mjs's `site` (SITE_URL), else `site.url`. */
import { site } from '../site.ts';

export function siteUrl(): string {
  return import.meta.env.SITE ?? site.url;
}
