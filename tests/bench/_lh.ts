import lighthouse, { desktopConfig } from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serveDist } from '../helpers/server.ts';
import { CHROMIUM_ARGS } from '../helpers/browser.ts';
const dist = process.argv[2]!;
const server = await serveDist(dist);
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: CHROMIUM_ARGS });
for (const preset of ['mobile', 'desktop']) {
  const t = performance.now();
  const result = await lighthouse(`${server.url}/articles/coalition-of-the-willing-paris/`, { port: chrome.port, output: 'json', logLevel: 'error' }, preset === 'desktop' ? desktopConfig : undefined);
  const lhr = result!.lhr;
  console.log(preset, ((performance.now() - t) / 1000).toFixed(1), 's', Object.values(lhr.categories).map((c) => `${c.id}=${c.score}`).join(' '));
  console.log(' LCP', lhr.audits['largest-contentful-paint']!.numericValue, 'CLS', lhr.audits['cumulative-layout-shift']!.numericValue, 'TBT', lhr.audits['total-blocking-time']!.numericValue);
  console.log(JSON.stringify((lhr.audits['resource-summary']!.details as any).items.map((i: any) => [i.resourceType, i.transferSize, i.requestCount])));
  for (const [id, a] of Object.entries(lhr.audits)) if (a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable') console.log('  fail', id, a.score, a.displayValue ?? '');
  console.log(JSON.stringify((lhr.audits['network-requests']!.details as any).items.map((i: any) => [i.url.replace(server.url, ''), i.resourceType, i.transferSize])));
}
await chrome.kill();
await server.close();
