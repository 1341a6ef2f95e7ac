/**
 * Lets plain Node (type stripping) run this project's TypeScript, whose relative imports leave
 * out ".ts" the way Vite allows: a relative specifier that does not resolve is retried with ".ts".
 * Import it first, statically, and everything else dynamically after it.
 */
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      const relative = specifier.startsWith('./') || specifier.startsWith('../');
      if (!relative || /\.[cm]?[jt]sx?$/.test(specifier)) throw error;
      return nextResolve(`${specifier}.ts`, context);
    }
  },
});
