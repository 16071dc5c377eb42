import { expect, type Page } from '@playwright/test';

export const DEMO = {
  admin: { email: 'admin@demo.example', password: 'vienna-admin-2017' },
  aldoriaFocal: { email: 'focal.aldoria@demo.example', password: 'aldoria-focal-2017' },
  aldoriaContributor: {
    email: 'contributor.aldoria@demo.example',
    password: 'aldoria-contributor-2017',
  },
  bridgewellFocal: { email: 'focal.bridgewell@demo.example', password: 'bridgewell-focal-2017' },
  bridgewellContributor: {
    email: 'contributor.bridgewell@demo.example',
    password: 'bridgewell-contributor-2017',
  },
  bravoniaFocal: { email: 'focal.bravonia@demo.example', password: 'bravonia-focal-2017' },
} as const;

export async function signIn(
  page: Page,
  account: { email: string; password: string },
  next = '/entries/mine',
) {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('E-mail address').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[?]/g, '\\?')}$`));
}

/** The log-progress form, filled in the way a person would. */
export class EntryFormPage {
  constructor(private readonly page: Page) {}

  async open(query = '') {
    await this.page.goto(`/entries/new${query}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Log progress' })).toBeVisible();
  }

  async fill(fields: {
    commitment?: string;
    subject?: string;
    status?: string;
    asOf?: string;
    summary?: string;
    narrative?: string;
    confidence?: string;
    evidence?: { url: string; title: string };
  }) {
    const form = this.page.locator('form.entry-form');
    if (fields.commitment)
      await form
        .getByLabel('Commitment', { exact: true })
        .selectOption({ value: fields.commitment });
    if (fields.subject) await form.getByLabel('About').selectOption({ label: fields.subject });
    if (fields.status) await form.getByRole('radio', { name: fields.status }).check();
    if (fields.asOf) await form.getByLabel('As of').fill(fields.asOf);
    if (fields.summary !== undefined)
      await form.getByLabel('Summary (one line)').fill(fields.summary);
    if (fields.narrative !== undefined) await form.getByLabel('Narrative').fill(fields.narrative);
    if (fields.confidence)
      await form
        .getByLabel('Confidence of this assessment')
        .selectOption({ label: fields.confidence });
    if (fields.evidence) {
      await form.getByLabel('Link 1: web address').fill(fields.evidence.url);
      await form.getByLabel('Link 1: title').fill(fields.evidence.title);
    }
  }

  async save(label = 'Save draft') {
    await this.page.locator('form.entry-form').getByRole('button', { name: label }).click();
  }
}

/**
 * A submitted entry's card in the focal point's queue: the queue is paged, the longest waiting
 * first, so a new entry may be on a later page; the reviewer follows "Next page" to it.
 */
export async function queueCard(page: Page, summary: string) {
  const card = page.locator('li.card').filter({ hasText: summary });
  const next = page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', {
    name: 'Next page',
  });
  while ((await card.count()) === 0 && (await next.count()) > 0) {
    const href = (await next.getAttribute('href'))!;
    await next.click();
    await page.waitForURL((url) => `${url.pathname}${url.search}` === href);
  }
  return card;
}
