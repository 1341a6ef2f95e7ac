/** Dev-server address fixes for the image routes the integrations inject in `astro dev`. */
import type { Plugin } from 'vite';

/**
 * With `trailingSlash: 'always'` the dev server finds a route such as '/og/[...path]' at
 * '/og/x.jpg/' only, and answers the pages' '/og/x.jpg' with a 404: this hands it the address
 * with the slash, for files of `folder` ending in `.<extension>`.
 */
export function slashedInDev(folder: string, extension: string): Plugin {
  const file = new RegExp(`^/${folder}/[^?#]+\\.${extension}(?=[?#]|$)`);
  return {
    name: `backstory:slashed-in-dev:${folder}`,
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        if (request.url) request.url = request.url.replace(file, '$&/');
        next();
      });
    },
  };
}
