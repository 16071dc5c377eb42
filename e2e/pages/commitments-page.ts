import { expect, type Locator, type Page } from '@playwright/test';

export class CommitmentsPage {
  readonly heading: Locator;
  readonly results: Locator;
  readonly resultCount: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Commitments' });
    this.results = page.locator('main ul.card-list > li');
    this.resultCount = page.getByRole('status');
  }

  async goto(query = '') {
    await this.page.goto(`/commitments${query}`);
    await expect(this.heading).toBeVisible();
  }

  async filter(fields: {
    search?: string;
    theme?: string;
    objective?: string;
    sdg?: string;
    dutyBearer?: string;
  }) {
    if (fields.search !== undefined)
      await this.page.getByLabel('Search code, title or text').fill(fields.search);
    if (fields.theme !== undefined)
      await this.page.getByLabel('Theme').selectOption({ label: fields.theme });
    if (fields.objective !== undefined)
      await this.page.getByLabel('GCM objective').selectOption(fields.objective);
    if (fields.sdg !== undefined) await this.page.getByLabel('SDG target').selectOption(fields.sdg);
    if (fields.dutyBearer !== undefined)
      await this.page.getByLabel('Duty-bearer').selectOption({ label: fields.dutyBearer });
    await this.page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(this.heading).toBeVisible();
  }

  async codes(): Promise<string[]> {
    return this.results.locator('.code').allTextContents();
  }
}
