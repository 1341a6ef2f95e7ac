import { launchBrowser } from '/work/main/tests/helpers/browser.ts';
import { serveDist } from '/work/main/tests/helpers/server.ts';
const dist = process.argv[2];
const server = await serveDist(dist);
const browser = await launchBrowser();
const context = await browser.newContext({ baseURL: server.url, viewport: { width: 320, height: 640 } });
const page = await context.newPage();
page.on('console', (m) => console.log('console', m.type(), m.text()));
const paths = process.argv.slice(3);
for (const p of paths) {
  await page.goto(p);
  const r = await page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')].filter((e) => { const b = e.getBoundingClientRect(); return b.width > 0 && b.right > vw + 0.5; }).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`);
    return { sw: document.documentElement.scrollWidth, vw, wide: wide.slice(0, 10) };
  });
  console.log(p, JSON.stringify(r));
  await page.screenshot({ path: `/tmp/shot-${p.replace(/\W+/g, '_')}.png`, fullPage: true });
}
await browser.close(); await server.close();
