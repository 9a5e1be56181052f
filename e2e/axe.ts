import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { shown } from './pages';

/** A page has settled: its root is drawn and nothing is still loading. */
export async function settled(page: Page): Promise<void> {
  await shown(page).locator('.mq-page').first().waitFor();
  // Lists and figures arrive after the page: wait until no 加载中 is left (or 5 s).
  await shown(page)
    .getByText(/加载中|正在加载/)
    .first()
    .waitFor({ state: 'detached', timeout: 5000 })
    .catch(() => {});
}

export async function setElderMode(page: Page, on: boolean): Promise<void> {
  await page.evaluate(
    (on) => localStorage.setItem('mqlk.elderMode', JSON.stringify({ data: on ? 'on' : 'off' })),
    on,
  );
}

export interface Finding {
  page: string;
  rule: string;
  impact: string;
  targets: string[];
}

export async function audit(page: Page, name: string): Promise<Finding[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations.map((v) => ({
    page: name,
    rule: v.id,
    impact: v.impact ?? 'minor',
    targets: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
  }));
}
