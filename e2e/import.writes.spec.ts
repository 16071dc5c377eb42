import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, queryOne } from './fixtures';
import { DEMO, signIn } from './pages/workspace';

const HEADER = 'commitment_code,subject_id,status,as_of,summary,measures';

/** signIn allows 5 s for the redirect; a loaded machine may need longer. */
async function signInTo(
  page: Page,
  account: (typeof DEMO)[keyof typeof DEMO],
  next = '/entries/import',
) {
  await signIn(page, account, next).catch(() =>
    page.waitForURL((url) => url.pathname === next, { timeout: 60_000 }),
  );
}

function actorId(name: string): number {
  return queryOne<{ id: number }>('SELECT id FROM actors WHERE name = ?', name).id;
}

/** A commitment that asks states to act, so it applies to every demo state. */
function stateCommitment(): string {
  return queryOne<{ code: string }>(
    `SELECT c.code FROM commitments c JOIN commitment_duty_bearers d ON d.commitment_id = c.id WHERE d.duty_bearer = 'states' ORDER BY c.position LIMIT 1`,
  ).code;
}

/** Entries of this spec's files (every summary ends with its stamp): other writing specs run alongside. */
function entryCount(stamp: number): number {
  return queryOne<{ n: number }>(
    'SELECT count(*) AS n FROM progress_entries WHERE summary LIKE ?',
    `%${stamp}`,
  ).n;
}

async function check(page: Page, name: string, csv: string, publish = false) {
  await page
    .getByLabel('CSV file (UTF-8)')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`, 'utf8') });
  if (publish) await page.getByRole('radio', { name: 'Published entries, public at once' }).check();
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(
    page.getByRole('heading', { name: /Preview: nothing has been written yet/ }),
  ).toBeVisible({ timeout: 30_000 });
}

test.describe('importing entries from a spreadsheet', () => {
  test.describe.configure({ mode: 'serial', timeout: 120_000 });

  const stamp = Date.now();
  // The newest as-of date, so the entry is on the first page of the commitment's entries.
  const today = new Date().toISOString().slice(0, 10);
  const code = () => stateCommitment();
  const goodFile = () =>
    [
      HEADER,
      `${code()},${actorId('Republic of Aldoria')},complete,${today},Imported law ${stamp},legislation`,
      `${code()},${actorId('Republic of Aldoria')},substantial,2025-06-30,Imported plan ${stamp},policy;budget`,
    ].join('\r\n');

  test('the preview shows every row with its errors by row and column, and writes nothing', async ({
    page,
  }) => {
    await signInTo(page, DEMO.aldoriaFocal);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Import entries from a spreadsheet' }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    const before = entryCount(stamp);
    const aldoria = actorId('Republic of Aldoria');
    await check(
      page,
      'errors.csv',
      [
        HEADER,
        `${code()},${aldoria},complete,2026-01-15,Fine row ${stamp},`,
        `${code()},${aldoria},done,2026-02-30,Bad row ${stamp},magic`,
      ].join('\r\n'),
    );
    const errors = page.getByRole('table', { name: 'Errors by row and column' });
    await expect(errors).toBeVisible();
    for (const column of ['status', 'as_of', 'measures']) {
      await expect(
        errors
          .getByRole('row')
          .filter({ has: page.getByRole('cell', { name: column, exact: true }) })
          .getByRole('cell')
          .first(),
      ).toHaveText('3');
    }
    await expect(
      page.getByRole('table', { name: /Rows 1 to 2 of 2/ }).getByRole('row'),
    ).toHaveCount(3);
    await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);
    await expectNoAxeViolations(page);
    expect(entryCount(stamp)).toBe(before);
  });

  test('a successful import is published and visible on the commitment page; importing it again adds nothing', async ({
    page,
  }) => {
    await signInTo(page, DEMO.aldoriaFocal);
    const before = entryCount(stamp);
    await check(page, 'aldoria.csv', goodFile(), true);
    await expect(page.getByText('2 entries would be imported (published).')).toBeVisible();
    expect(entryCount(stamp)).toBe(before);
    await page.getByRole('button', { name: 'Import and publish 2 entries' }).click();
    await expect(page.getByRole('heading', { name: 'Import done' })).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByText('2 entries imported (published).')).toBeVisible();
    expect(entryCount(stamp)).toBe(before + 2);
    expect(
      queryOne<{ n: number }>(
        `SELECT count(*) AS n FROM progress_entries WHERE summary LIKE ? AND state = 'published'`,
        `%${stamp}`,
      ).n,
    ).toBe(2);

    await page.goto(`/commitments/${code()}`);
    await expect(page.getByText(`Imported law ${stamp}`)).toBeVisible();

    await page.goto('/entries/import');
    await check(page, 'aldoria.csv', goodFile(), true);
    await expect(
      page.getByText('Every row is already on record: importing would add nothing.'),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);
    expect(entryCount(stamp)).toBe(before + 2);
  });

  test('a French preview says each row’s errors in French, column names as they are', async ({
    page,
  }) => {
    await signInTo(page, DEMO.aldoriaFocal);
    await page.goto('/fr/entries/import');
    const before = entryCount(stamp);
    const aldoria = actorId('Republic of Aldoria');
    await page.getByLabel('Fichier CSV (UTF-8)').setInputFiles({
      name: 'erreurs.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          HEADER,
          `${code()},${aldoria},complete,2026-02-30,Bad date ${stamp},`,
          `XX-99,99999999,complete,2026-01-15,Unknown ${stamp},`,
        ].join('\r\n'),
        'utf8',
      ),
    });
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await expect(
      page.getByRole('heading', { name: 'Aperçu : rien n’a encore été enregistré' }),
    ).toBeVisible({ timeout: 30_000 });
    const errors = page.getByRole('table', { name: 'Erreurs par ligne et par colonne' });
    const cellOf = (column: string) =>
      errors
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: column, exact: true }) });
    await expect(cellOf('as_of')).toContainText('Ce jour n’existe pas');
    await expect(cellOf('subject_id')).toContainText(
      'Ce n’est pas un acteur de cet espace de travail.',
    );
    await expect(
      errors.getByRole('cell', { name: 'as_of', exact: true }).locator('code'),
    ).toHaveAttribute('translate', 'no');
    await expect(errors).not.toContainText(/is not|must be|does not exist/);
    await expectNoAxeViolations(page);
    expect(entryCount(stamp)).toBe(before);
  });

  test("an import with another state's rows is refused, and nothing is written", async ({
    page,
  }) => {
    await signInTo(page, DEMO.aldoriaFocal);
    const before = entryCount(stamp);
    const bravonia = actorId('Kingdom of Bravonia');
    await check(
      page,
      'bravonia.csv',
      [
        HEADER,
        `${code()},${actorId('Republic of Aldoria')},limited,2026-03-01,Own row ${stamp},`,
        `${code()},${bravonia},complete,2026-03-01,Not ours ${stamp},`,
      ].join('\r\n'),
      true,
    );
    const errors = page.getByRole('table', { name: 'Errors by row and column' });
    const row = errors
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'subject_id', exact: true }) });
    await expect(row.getByRole('cell').first()).toHaveText('3');
    await expect(row).toContainText('You may not report on this actor for this commitment');
    await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);
    expect(entryCount(stamp)).toBe(before);
  });

  test('a contributor may not open the import screen, and an upload is refused with 403 before anything is streamed', async ({
    page,
    baseURL,
  }) => {
    await signInTo(page, DEMO.aldoriaContributor, '/entries/mine');
    const response = await page.goto('/entries/import');
    expect(response?.status()).toBe(403);
    const before = entryCount(stamp);
    const upload = await page.request.post('/entries/import/upload', {
      headers: { Origin: baseURL! },
      multipart: {
        file: {
          name: 'aldoria.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(goodFile(), 'utf8'),
        },
        mode: 'import',
        publish: 'draft',
      },
    });
    expect(upload.status()).toBe(403);
    expect(upload.headers()['content-type']).toMatch(/^application\/json/);
    expect((await upload.json()).error).toEqual({
      code: 'forbidden',
      message: 'Only a focal point (for its own actor) or an admin may import entries.',
    });
    expect(entryCount(stamp)).toBe(before);
  });

  test('a file refused as a whole answers 400 with its errors, shown as the report', async ({
    page,
  }) => {
    await signInTo(page, DEMO.aldoriaFocal);
    const answered = page.waitForResponse((response) =>
      response.url().endsWith('/entries/import/upload'),
    );
    await page.getByLabel('CSV file (UTF-8)').setInputFiles({
      name: 'columns.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`commitment_code,status\r\n${code()},complete\r\n`, 'utf8'),
    });
    await page.getByRole('button', { name: 'Check file' }).click();
    expect((await answered).status()).toBe(400);
    await expect(
      page.getByText('The file cannot be imported as it is: see the problems below.'),
    ).toBeVisible();
    const errors = page.getByRole('table', { name: 'Errors by row and column' });
    for (const column of ['as_of', 'summary', 'subject_id'])
      await expect(errors.getByRole('cell', { name: column, exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
