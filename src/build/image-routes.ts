/**
 * The routes of an integration that publishes a folder of images from its own cache (photos.ts):
 * in a build, one endpoint that writes the list of images, which the integration reads after
 * the build; in `astro dev`, a route that serves each image when asked.
 */
import type { HookParameters } from 'astro';
import type { Plugin } from 'vite';

export interface ImageRoutes {
  /** The folder of dist/ the images live in: '_photos'. */
  folder: string;
  /** Their file extension: 'webp'. */
  extension: string;
  /** The build's list: its URL path and its endpoint. */
  listPath: string;
  listRoute: URL;
  /** The dev server's route, injected at `/<folder>/[...path]`. */
  devRoute: URL;
}

/**
 * With `trailingSlash: 'always'` the dev server finds a route such as '/_photos/[...path]' at
 * '/_photos/x.webp/' only, and answers the pages' '/_photos/x.webp' with a 404: this hands it the address
 * with the slash, for files of `folder` ending in `.<extension>`.
 */
function slashedInDev(folder: string, extension: string): Plugin {
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

/** Injects the list endpoint in a build, the serving route (and its address fix) in `astro dev`. */
export function injectImageRoutes(
  { command, injectRoute, updateConfig }: HookParameters<'astro:config:setup'>,
  routes: ImageRoutes,
): void {
  if (command === 'dev') {
    updateConfig({ vite: { plugins: [slashedInDev(routes.folder, routes.extension)] } });
    injectRoute({ pattern: `/${routes.folder}/[...path]`, entrypoint: routes.devRoute });
  } else {
    injectRoute({ pattern: routes.listPath, entrypoint: routes.listRoute });
  }
}
