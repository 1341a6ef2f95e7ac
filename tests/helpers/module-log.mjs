/**
 * Preloaded with `node --import` (NODE_OPTIONS): writes the URL of every module the process
 * loaded, one per line, to the file named by BACKSTORY_MODULE_LOG when it exits.
 */
import { writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const loaded = [];
registerHooks({
  load(url, context, next) {
    loaded.push(url);
    return next(url, context);
  },
});
process.on('exit', () => writeFileSync(process.env['BACKSTORY_MODULE_LOG'], loaded.join('\n')));
