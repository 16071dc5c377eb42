import { expect as baseExpect, type Locator, type Page } from '@playwright/test';
import { alertBox } from './auth';

/** Admin writes render a list or a form again after each click; generous on a loaded shared machine. */
export const expect = baseExpect.configure({ timeout: 45_000 });

/** An admin list screen (/admin/actors, /admin/sources, /admin/commitments): filters, table, archive buttons. */
export class AdminListPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly notice: Locator;

  constructor(
    private readonly page: Page,
    readonly path: string,
    title: string,
  ) {
    this.heading = page.getByRole('heading', { level: 1, name: title });
    this.table = page.getByRole('table');
    this.notice = page.getByRole('status').filter({ hasNotText: /^$/ });
  }

  async goto(query = '') {
    await this.page.goto(`${this.path}${query}`);
    await expect(this.heading).toBeVisible();
  }

  row(text: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: text, exact: true }) });
  }

  async filter(fields: {
    search?: string;
    show?: 'Active and archived' | 'Active only' | 'Archived only';
  }) {
    const form = this.page.getByRole('search', { name: 'Filters' });
    if (fields.search !== undefined) await form.getByLabel('Search').fill(fields.search);
    if (fields.show) await form.getByLabel('Show').selectOption({ label: fields.show });
    await form.getByRole('button', { name: 'Apply' }).click();
  }

  async archive(name: string) {
    await this.page.getByRole('button', { name: `Archive ${name}`, exact: true }).click();
    await expect(
      this.page.getByRole('status').filter({ hasText: `${name} is archived.` }),
    ).toBeVisible();
  }

  async restore(name: string) {
    await this.page.getByRole('button', { name: `Restore ${name}`, exact: true }).click();
    await expect(
      this.page.getByRole('status').filter({ hasText: `${name} is restored.` }),
    ).toBeVisible();
  }
}

/** The create and edit form of an admin screen. */
export class AdminFormPage {
  readonly form: Locator;
  readonly errorSummary: Locator;

  constructor(private readonly page: Page) {
    this.form = page.locator('form.admin-form');
    this.errorSummary = alertBox(page);
  }

  /** A field by its label, with or without the "(optional)" mark. */
  field(label: string): Locator {
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.form.getByLabel(new RegExp(`^${escaped}( \\(optional\\))?$`));
  }

  /** Fills text fields and selects (by their option label) by the field's label. */
  async fill(fields: Record<string, string>) {
    for (const [label, value] of Object.entries(fields)) {
      const field = this.field(label);
      if ((await field.evaluate((node) => node.tagName)) === 'SELECT')
        await field.selectOption({ label: value });
      else await field.fill(value);
    }
  }

  /** Ticks exactly these boxes of a checkbox group. */
  async tick(group: string, labels: string[]) {
    const boxes = this.form.getByRole('group', { name: group }).getByRole('checkbox');
    for (const box of await boxes.all()) {
      const label = (await box.evaluate((node) => node.parentElement?.textContent ?? '')).trim();
      await box.setChecked(
        labels.some((wanted) => label === wanted || label.startsWith(`${wanted} `)),
      );
    }
  }

  async save(label: string) {
    await this.form.getByRole('button', { name: label }).click();
  }
}
