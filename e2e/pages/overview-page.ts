import { expect, type Locator, type Page } from '@playwright/test';
import type { Figures } from '../../lib/summary-types';

export class OverviewPage {
  readonly heading: Locator;
  readonly figures: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Implementation status' });
    this.figures = page.locator('dl.headline-figures');
  }

  async goto(query = '') {
    await this.page.goto(`/${query}`);
    await expect(this.heading).toBeVisible();
    await this.settled();
  }

  /** Waits until the dashboard shows the view the URL names, fully loaded. */
  async settled() {
    const dashboard = this.page.locator('.dashboard');
    await expect(dashboard).toHaveAttribute('data-view', new URL(this.page.url()).search);
    await expect(dashboard).toHaveAttribute('aria-busy', 'false');
  }

  figure(term: string): Locator {
    return this.figures
      .locator('div')
      .filter({ has: this.page.locator('dt', { hasText: term }) })
      .locator('dd');
  }

  /** Asserts the headline figures show exactly these numbers. */
  async expectFigures(expected: Figures) {
    const percent = (value: number | null) => {
      if (value === null) return /No score|no applicable pairs/;
      if (value > 0 && value < 0.005) return 'under 1%';
      if (value < 1 && value >= 0.995) return 'over 99%';
      return `${Math.round(value * 100)}%`;
    };
    await expect(this.figure('Commitments').locator('.headline-value')).toHaveText(
      String(expected.commitments),
    );
    await expect(this.figure('Actors reporting').locator('.headline-value')).toHaveText(
      String(expected.actorsReporting),
    );
    await expect(this.figure('Actors reporting')).toContainText(`of ${expected.actors} actor`);
    await expect(this.figure('Coverage')).toContainText(
      `${expected.reported.toLocaleString('en')} of ${expected.pairs.toLocaleString('en')} applicable pair`,
    );
    await expect(this.figure('Coverage').locator('.headline-value')).toHaveText(
      percent(expected.coverage),
    );
    await expect(this.figure('Implementation score').locator('.headline-value')).toHaveText(
      percent(expected.score),
    );
    await expect(this.figure('Contested').locator('.headline-value')).toHaveText(
      String(expected.contested),
    );
    await expect(this.figure('Stale').locator('.headline-value')).toHaveText(
      String(expected.stale),
    );
    await expect(this.figure('Regressed').locator('.headline-value')).toHaveText(
      String(expected.regressed),
    );
    await expect(this.figure('Adverse effects').locator('.headline-value')).toHaveText(
      String(expected.adverseEffects),
    );
  }

  /** Changes one filter and waits for the URL to follow and the figures to be refetched. */
  async select(label: string, option: { label?: string; value?: string }) {
    const before = this.page.url();
    await this.page
      .locator('form.filters')
      .getByLabel(label, { exact: true })
      .selectOption(option.label ? { label: option.label } : (option.value as string));
    await expect.poll(() => this.page.url()).not.toBe(before);
    await this.settled();
  }

  async fillAsOf(date: string) {
    const before = this.page.url();
    // A date applies when the field is left (or on Apply), as a keyboard user types it.
    const field = this.page.locator('form.filters').getByLabel('As of');
    await field.fill(date);
    await field.blur();
    await expect.poll(() => this.page.url()).not.toBe(before);
    await this.settled();
  }

  chart(title: string): Locator {
    return this.page
      .locator('figure.chart-frame')
      .filter({ has: this.page.getByRole('heading', { name: title, exact: true }) });
  }
}
