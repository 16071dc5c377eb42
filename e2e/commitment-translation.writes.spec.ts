import { test } from '@playwright/test';
import { expectNoAxeViolations, queryAll, queryOne } from './fixtures';
import { alertBox, closePeople, newPerson, SignInPage } from './pages/auth';
import { expect } from './pages/admin';
import { englishLeaks, englishSentences } from './pages/english-leaks';
import { DEMO } from './pages/workspace';

/**
 * Issue 21 point 6: an admin adds a French translation of a commitment; the French page shows it
 * labelled as a translation under the verbatim English original, which keeps its `lang`; the
 * English page shows the original alone, and names the languages it is translated into.
 */
const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

// The third commitment in the report's order: no other spec translates it.
const commitment = () =>
  queryOne<{ id: number; code: string; title: string; text: string }>(
    'SELECT id, code, title, text FROM commitments ORDER BY position LIMIT 1 OFFSET 2',
  );
const versions = (id: number) =>
  queryAll<{ version: number; title: string }>(
    "SELECT version, title FROM commitment_translations WHERE commitment_id = ? AND locale = 'fr' ORDER BY version",
    id,
  );
const audits = (id: number) =>
  queryOne<{ n: number }>(
    "SELECT count(*) AS n FROM audit_log WHERE action = 'commitment.translate' AND entity_id = ?",
    String(id),
  ).n;

test.describe('a translation beside the verbatim original', () => {
  test.describe.configure({ timeout: 240_000 });

  test('an admin adds a French translation; the French page shows it, labelled, under the original', async ({
    browser,
  }) => {
    const { id, code, title, text } = commitment();
    const frenchTitle = `Ériger en infraction le trafic illicite de migrants ${suffix()}`;
    const frenchText = 'Les États devraient ériger en infraction le trafic illicite de migrants.';
    const before = versions(id).length;
    const auditsBefore = audits(id);

    const admin = await newPerson(browser);
    await new SignInPage(admin).signIn(DEMO.admin);
    await admin.goto(`/admin/commitments/${id}`);
    const french = admin.getByRole('region', { name: 'French' });
    const titleField = french.getByLabel('Title in French');
    await expect(titleField).toHaveAttribute('lang', 'fr');
    await expect(
      admin.getByRole('region', { name: 'Arabic' }).getByLabel('Text in Arabic'),
    ).toHaveAttribute('dir', 'rtl');
    await expectNoAxeViolations(admin);

    // Bad input: the message names the field, what was typed stays, nothing is written.
    await titleField.fill('');
    await french.getByLabel('Text in French').fill(frenchText);
    await french.getByRole('button', { name: 'Save the translation into French' }).click();
    await expect(alertBox(admin)).toContainText('Title in French: is required');
    await expect(french.getByLabel('Text in French')).toHaveValue(frenchText);
    expect(versions(id)).toHaveLength(before);
    expect(audits(id)).toBe(auditsBefore);
    await expectNoAxeViolations(admin);

    await titleField.fill(frenchTitle);
    await french.getByRole('button', { name: 'Save the translation into French' }).click();
    await expect(
      admin.getByRole('status').filter({ hasText: 'The translation into French is saved.' }),
    ).toBeVisible();
    expect(versions(id).at(-1)).toEqual({ version: before + 1, title: frenchTitle });
    expect(audits(id)).toBe(auditsBefore + 1);
    await closePeople(admin);

    const visitor = await newPerson(browser);
    await visitor.goto(`/fr/commitments/${code}`);
    await expect(visitor.locator('html')).toHaveAttribute('lang', 'fr');
    const heading = visitor.getByRole('heading', { level: 1 });
    await expect(heading.locator('[lang="en"]')).toHaveText(title);
    await expect(visitor.locator('blockquote.verbatim [lang="en"]')).toContainText(text);
    const translation = visitor.getByRole('region', {
      name: /^Traduction \(français\), ajoutée le /,
    });
    await expect(translation).toBeVisible();
    await expect(translation.locator('[lang="fr"]')).toContainText(frenchTitle);
    await expect(translation.locator('[lang="fr"]')).toContainText(frenchText);
    // Below the original, never in its place.
    const [originalBox, translationBox] = await Promise.all([
      visitor.locator('blockquote.verbatim').boundingBox(),
      translation.boundingBox(),
    ]);
    expect(translationBox!.y).toBeGreaterThan(originalBox!.y);
    expect(await englishLeaks(visitor, englishSentences('fr'))).toEqual([]);
    await expectNoAxeViolations(visitor);

    await closePeople(visitor);

    // A new visitor: the French page's language cookie would otherwise serve /commitments in French.
    const reader = await newPerson(browser);
    await reader.goto(`/commitments/${code}`);
    await expect(reader.locator('html')).toHaveAttribute('lang', 'en');
    await expect(reader.locator('blockquote.verbatim [lang="en"]')).toContainText(text);
    await expect(reader.getByText(frenchTitle)).toHaveCount(0);
    const available = reader
      .getByRole('navigation', { name: 'Translations' })
      .getByRole('link', { name: 'Français', exact: true });
    await expect(available).toHaveAttribute('lang', 'fr');
    await expect(available).toHaveAttribute('href', `/fr/commitments/${code}`);
    await expectNoAxeViolations(reader);
    await closePeople(reader);
  });
});
