/**
 * The browser pass: each page loaded in Chromium (Playwright, Debian's chromium) in a fresh
 * context, so nothing comes from the browser's cache. Largest contentful paint from a buffered
 * PerformanceObserver; hydration from `<html data-hydrated>` (app/_components/hydration-mark.tsx,
 * the ms since navigation start at which React's effects ran); DOM nodes once hydrated; bytes
 * transferred as the navigation's and every resource's transferSize. Median of `runs` loads.
 */
import { chromium, type Browser } from '@playwright/test';
import { percentile } from './http';
import type { BrowserFigures } from './report';

export interface BrowserPass {
  measure: (url: string, cookie?: string) => Promise<BrowserFigures>;
  close: () => Promise<void>;
}

async function loadOnce(browser: Browser, url: string, cookie?: string): Promise<BrowserFigures> {
  const context = await browser.newContext();
  try {
    if (cookie) {
      const origin = new URL(url).origin;
      await context.addCookies(
        cookie.split('; ').map((pair) => {
          const at = pair.indexOf('=');
          return { name: pair.slice(0, at), value: pair.slice(at + 1), url: origin };
        }),
      );
    }
    const page = await context.newPage();
    await page.addInitScript(() => {
      const global = window as unknown as { __lcp: number | null };
      global.__lcp = null;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) global.__lcp = entry.startTime;
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const hydrated = await page
      .waitForFunction(() => document.documentElement.dataset.hydrated, null, { timeout: 30_000 })
      .then(() => true)
      .catch(() => false);
    // LCP is reported after the frame is painted: give it one more frame.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    return await page.evaluate((wasHydrated) => {
      const entries = [
        ...performance.getEntriesByType('navigation'),
        ...performance.getEntriesByType('resource'),
      ] as PerformanceResourceTiming[];
      const lcp = (window as unknown as { __lcp: number | null }).__lcp;
      return {
        lcpMs: lcp === null ? null : Math.round(lcp),
        hydratedMs: wasHydrated ? Number(document.documentElement.dataset.hydrated) : null,
        domNodes: document.getElementsByTagName('*').length,
        transferBytes: entries.reduce((sum, entry) => sum + (entry.transferSize || 0), 0),
      };
    }, hydrated);
  } finally {
    await context.close();
  }
}

function medianOf(values: (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null).sort((a, b) => a - b);
  return known.length === values.length ? percentile(known, 50) : null;
}

export async function openBrowserPass(runs = 3): Promise<BrowserPass> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  });
  return {
    measure: async (url, cookie) => {
      const loads: BrowserFigures[] = [];
      for (let run = 0; run < runs; run += 1) loads.push(await loadOnce(browser, url, cookie));
      return {
        lcpMs: medianOf(loads.map((load) => load.lcpMs)),
        hydratedMs: medianOf(loads.map((load) => load.hydratedMs)),
        domNodes: medianOf(loads.map((load) => load.domNodes)) ?? 0,
        transferBytes: medianOf(loads.map((load) => load.transferBytes)) ?? 0,
      };
    },
    close: () => browser.close(),
  };
}
