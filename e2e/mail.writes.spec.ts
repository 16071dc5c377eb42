import { expect, request as playwrightRequest, test } from '@playwright/test';
import { expectNoAxeViolations, issueToken, queryOne } from './fixtures';
import { DEMO, signIn } from './pages/workspace';

/**
 * E-mail without an SMTP server (README, E-mail): a contributor's submission queues "waiting for
 * your review" for the focal point, an admin reads it in the outbox, and its unsubscribe link
 * turns that kind off only when confirmed, without signing in.
 */
const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const reviewMail = (summary: string) =>
  queryOne<{ unsubscribe_url: string; user_id: string } | undefined>(
    `SELECT o.unsubscribe_url, o.user_id FROM outbox o JOIN users u ON u.id = o.user_id
     WHERE o.kind = 'review_waiting' AND o.subject = ? AND u.email = ?`,
    `To review: ${summary}`,
    DEMO.aldoriaFocal.email,
  );
const reviewMailOn = (userId: string) =>
  queryOne<{ on: number }>(
    'SELECT review_waiting AS "on" FROM mail_settings WHERE user_id = ?',
    userId,
  ).on;

/** A contributor submits a self-report of their state through the API, as their focal point's queue receives it. */
async function submitThroughApi(
  baseURL: string | undefined,
  contributor: string,
  state: string,
  entry: { key: string; summary: string; narrative: string },
) {
  const api = await playwrightRequest.newContext({ baseURL });
  const token = await issueToken(contributor, `e2e ${entry.key}`);
  const subject = queryOne<{ id: number }>('SELECT id FROM actors WHERE name = ?', state).id;
  const commitment = queryOne<{ code: string }>(
    `SELECT c.code FROM commitments c JOIN commitment_duty_bearers d ON d.commitment_id = c.id
     WHERE d.duty_bearer = 'states' AND c.archived_at IS NULL ORDER BY c.position LIMIT 1`,
  ).code;
  const response = await api.post('/api/v1/entries', {
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    data: JSON.stringify({
      idempotencyKey: `e2e-${entry.key}`,
      action: 'submit',
      commitment,
      subject,
      status: 'limited',
      asOf: new Date().toISOString().slice(0, 10),
      summary: entry.summary,
      narrative: entry.narrative,
      measures: ['programme'],
      evidence: [],
    }),
  });
  expect(response.status(), await response.text()).toBe(201);
  await api.dispose();
}

test('an admin reads the outbox after a submission, and its unsubscribe link works', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const summary = `Anti-trafficking hotline staffed ${run}`;
  await submitThroughApi(baseURL, DEMO.aldoriaContributor.email, 'Republic of Aldoria', {
    key: `mail-${run}`,
    summary,
    narrative: 'Staffed around the clock since the start of the month.',
  });

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, DEMO.admin, '/home');
  await admin.getByRole('link', { name: 'Outbox', exact: true }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
  await expect(admin.getByText('SMTP is not configured')).toBeVisible();
  const row = admin.getByRole('row').filter({ hasText: `To review: ${summary}` });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(DEMO.aldoriaFocal.email);
  await expect(row).toContainText('Entries waiting for your review');
  await expect(row).toContainText('Waiting');
  await row.getByText(`To review: ${summary}`).click();
  await expect(row.locator('pre')).toContainText('/unsubscribe/');
  await expectNoAxeViolations(admin);

  // The link, opened by someone not signed in (or a mail scanner): a question, nothing changed.
  const mail = reviewMail(summary)!;
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(mail.unsubscribe_url.replace(/^https?:\/\/[^/]+/, ''));
  await expect(
    reader.getByText(
      `Stop sending “Entries waiting for your review” e-mails to ${DEMO.aldoriaFocal.email}?`,
    ),
  ).toBeVisible();
  expect(reviewMailOn(mail.user_id)).toBe(1);
  await expectNoAxeViolations(reader);
  await reader.getByRole('button', { name: 'Stop these e-mails' }).click();
  await expect(reader.locator('p.notice[role="status"]')).toContainText(
    `no more “Entries waiting for your review” e-mails will be sent to ${DEMO.aldoriaFocal.email}`,
  );
  expect(reviewMailOn(mail.user_id)).toBe(0);

  // The focal point sees it off on the account page and turns it back on.
  const focal = await (await browser.newContext()).newPage();
  await signIn(focal, DEMO.aldoriaFocal, '/account');
  const choice = focal.getByRole('checkbox', { name: 'Entries waiting for your review' });
  await expect(choice).not.toBeChecked();
  await choice.check();
  await focal.getByRole('button', { name: 'Save e-mail settings' }).click();
  await expect(focal.getByText('Your e-mail settings were saved.')).toBeVisible();
  await expect(choice).toBeChecked();
  expect(reviewMailOn(mail.user_id)).toBe(1);
  await expectNoAxeViolations(focal);
});

test('a focal point who signs in in French gets French e-mails, and picks Spanish on the account page', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const focal = { email: 'focal.bravonia@demo.example', password: 'bravonia-focal-2017' };
  const localeOf = () =>
    queryOne<{ locale: string | null }>('SELECT locale FROM users WHERE email = ?', focal.email)
      .locale;
  expect(localeOf()).toBeNull();

  // Signing in on the French page records French for a user who has no language yet.
  const page = await (await browser.newContext()).newPage();
  await page.goto('/fr/sign-in?next=%2Ffr%2Faccount');
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', /\d/);
  await page.getByLabel('Adresse électronique').fill(focal.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(focal.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/fr\/account$/);
  expect(localeOf()).toBe('fr');
  const language = page.getByLabel('Langue des courriels');
  await expect(language).toHaveValue('fr');
  await expectNoAxeViolations(page);

  // The account page's choice, saved by the form's own post.
  await language.selectOption('es');
  await page.getByRole('button', { name: 'Enregistrer la langue' }).click();
  await expect(page.getByText('Vos courriels seront rédigés en espagnol.')).toBeVisible();
  expect(localeOf()).toBe('es');

  // A contributor's submission then reaches the focal point in Spanish, linking Spanish pages.
  const summary = `Línea de ayuda ${run}`;
  await submitThroughApi(baseURL, 'contributor.bravonia@demo.example', 'Kingdom of Bravonia', {
    key: `mail-es-${run}`,
    summary,
    narrative: 'Open every day.',
  });
  const mail = queryOne<{ subject: string; body_text: string; body_html: string }>(
    `SELECT o.subject, o.body_text, o.body_html FROM outbox o JOIN users u ON u.id = o.user_id
     WHERE o.kind = 'review_waiting' AND u.email = ? ORDER BY o.id DESC LIMIT 1`,
    focal.email,
  );
  expect(mail.subject).toBe(`Por revisar: ${summary}`);
  expect(mail.body_html).toContain('<html lang="es" dir="ltr">');
  expect(mail.body_text).toMatch(/\/es\/entries\/\d+\/review/);
  expect(mail.body_text).toMatch(/\/es\/unsubscribe\/[\w-]{43}\?kind=review_waiting/);
});
