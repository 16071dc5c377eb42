import { expect, type Locator, type Page } from '@playwright/test';

export class ActorsPage {
  readonly heading: Locator;
  readonly rows: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Actors' });
    this.rows = page.getByRole('table').locator('tbody tr');
  }

  async goto(query = '') {
    await this.page.goto(`/actors${query}`);
    await expect(this.heading).toBeVisible();
  }

  async filter(fields: { search?: string; kind?: string; region?: string }) {
    if (fields.search !== undefined)
      await this.page.getByLabel('Search name or code').fill(fields.search);
    if (fields.kind !== undefined)
      await this.page.getByLabel('Kind').selectOption({ label: fields.kind });
    if (fields.region !== undefined)
      await this.page.getByLabel('Region').selectOption({ label: fields.region });
    await this.page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(this.heading).toBeVisible();
  }

  async names(): Promise<string[]> {
    return this.rows.locator('th a').allTextContents();
  }
}
