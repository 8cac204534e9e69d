// Temporary: captures LY screenshots and exports into $CAPTURE_DIR (not committed).
import { it } from 'vitest';
import { writeFileSync, mkdirSync } from 'node:fs';
import { inject } from 'vitest';
import { gotoApp, launch, openSession } from './browser';
import { exportImage } from './files';

const dir = process.env.CAPTURE_DIR ?? '/tmp/kernel-capture';
it('captures', async () => {
  mkdirSync(dir, { recursive: true });
  const browser = await launch();
  for (const vp of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
    const s = await openSession(browser, vp);
    await gotoApp(s.page, inject('baseUrl'), '');
    await s.page.waitForTimeout(1500);
    await s.page.screenshot({ path: `${dir}/canvas-${vp.width}.png` });
    if (vp.width === 1440) {
      const png = await exportImage(s.page, { format: 'png', scale: 2, background: 'white' }, 'x.png');
      writeFileSync(`${dir}/app.png`, png.bytes);
      const svg = await exportImage(s.page, { format: 'svg', background: 'white' }, 'x.svg');
      writeFileSync(`${dir}/app.svg`, svg.bytes);
      const pos = await s.page.evaluate(() => { const cy = (document.querySelector('.graph') as any)._cyreg.cy; return cy.nodes().map((n: any) => [n.id(), n.position()]); });
      writeFileSync(`${dir}/positions.json`, JSON.stringify(pos));
    }
    await s.context.close();
  }
  await browser.close();
}, 300_000);
