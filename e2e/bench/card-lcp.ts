/**
 * The card page's Largest Contentful Paint as a resident's cheap phone on a weak signal sees it
 * (issue 11): Chromium with the CPU slowed 4× and the network at 1.6 Mbps / 150 ms RTT, a cold
 * cache each run. It prints, never asserts: `pnpm --filter @mqlk/e2e bench:card-lcp`.
 *
 * Two ways to the same card, in alternating runs on one server:
 *  - `/c/<code>`, the QR link: the server sends the card drawn in the HTML with its data;
 *  - `/c?code=<code>`: the app alone, which asks the API for the card (the way
 *    every card page opened before the server drew it).
 * For each: LCP, first contentful paint, and when the app's own 我要反映 button is on screen.
 *
 * Needs the builds (server and H5), as the browser flows do. CARD_LCP_RUNS (5) runs per way.
 */
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser, phonePage, startProduct } from '../harness';
import { DEMO } from '../pages';

const RUNS = Number(process.env.CARD_LCP_RUNS ?? 5);
const RTT_MS = 150;
const BITS_PER_SECOND = 1_600_000;

interface Run {
  lcp: number;
  lcpElement: string;
  fcp: number;
  appButton: number;
  bytes: number;
}

async function throttle(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: RTT_MS,
    downloadThroughput: BITS_PER_SECOND / 8,
    uploadThroughput: BITS_PER_SECOND / 8 / 2,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return cdp;
}

async function once(url: string): Promise<Run> {
  const browser = await launchBrowser();
  try {
    const page = await phonePage(browser);
    await page.addInitScript(() => {
      const w = window as unknown as { __lcp: { t: number; el: string }; __fcp: number };
      w.__lcp = { t: 0, el: '' };
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { element?: Element })[]) {
          const el = e.element;
          w.__lcp = {
            t: e.startTime,
            el: el
              ? `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} "${(el.textContent ?? '').slice(0, 12)}"`
              : '?',
          };
        }
      }).observe({ type: 'largest-contentful-paint', buffered: true });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          if (e.name === 'first-contentful-paint') w.__fcp = e.startTime;
      }).observe({ type: 'paint', buffered: true });
    });
    await throttle(page);
    let bytes = 0;
    page.on('response', (r) => {
      void r.body().then(
        (b) => (bytes += b.length),
        () => undefined,
      );
    });
    await page.goto(url, { waitUntil: 'commit' });
    // the app's own button (Taro's element), not the server-drawn link
    await page.locator('taro-view-core.card-page__report').waitFor({ timeout: 60_000 });
    const appButton = await page.evaluate(() => performance.now());
    await page.waitForTimeout(1000);
    const { lcp, fcp } = await page.evaluate(() => {
      const w = window as unknown as { __lcp: { t: number; el: string }; __fcp: number };
      return { lcp: w.__lcp, fcp: w.__fcp };
    });
    return { lcp: lcp.t, lcpElement: lcp.el, fcp, appButton, bytes };
  } finally {
    await browser.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const ms = (x: number) => `${Math.round(x).toLocaleString('en')} ms`;

async function main() {
  const product = await startProduct();
  try {
    const ways = {
      'server-drawn /c/<code>': `${product.baseUrl}/c/${DEMO.card}`,
      'app alone /c?code=<code>': `${product.baseUrl}/c?code=${DEMO.card}`,
    };
    const runs = new Map<string, Run[]>(Object.keys(ways).map((k) => [k, []]));
    console.log(
      `card LCP — ${RUNS} cold runs per way, CPU 4× slower, ${BITS_PER_SECOND / 1e6} Mbps, ${RTT_MS} ms RTT`,
    );
    for (let i = 1; i <= RUNS; i++) {
      for (const [way, url] of Object.entries(ways)) {
        const r = await once(url);
        runs.get(way)!.push(r);
        console.log(
          `run ${i} ${way.padEnd(28)} LCP ${ms(r.lcp)} (${r.lcpElement}), FCP ${ms(r.fcp)}, app button ${ms(r.appButton)}, ${Math.round(r.bytes / 1024)} KB`,
        );
      }
    }
    console.log('\nmedians');
    for (const [way, rs] of runs) {
      console.log(
        `${way.padEnd(28)} LCP ${ms(median(rs.map((r) => r.lcp)))}, FCP ${ms(median(rs.map((r) => r.fcp)))}, app button ${ms(median(rs.map((r) => r.appButton)))}`,
      );
    }
  } finally {
    await product.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
