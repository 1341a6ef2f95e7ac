import { runAstro } from '/work/main/tests/helpers/astro.ts';
let t = Date.now();
const r = runAstro('build', { content: '/work/main/tests/fixtures/stress' });
console.log(r.status, Date.now() - t, r.root);
if (r.status) console.log(r.output.slice(-4000));
