import { test, type Page } from '@playwright/test';
import { expectNoAxeViolations, queryOne } from './fixtures';
import { SignInPage, UsersAdminPage, alertBox, closePeople, newPerson } from './pages/auth';
import { AdminFormPage, AdminListPage, expect } from './pages/admin';
import { DEMO } from './pages/workspace';

// These tests write to the shared e2e database; each uses its own unique names and codes.
const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const uniqueCode = () => `ADM-${Date.now() % 1_000_000}${Math.floor(Math.random() * 100)}`;

async function signedIn(
  browser: Parameters<typeof newPerson>[0],
  account: { email: string; password: string },
  next: string,
): Promise<Page> {
  const page = await newPerson(browser);
  const signIn = new SignInPage(page);
  await signIn.goto(next);
  await signIn.attempt(account.email, account.password);
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[?]/g, '\\?')}$`));
  return page;
}

const actorRow = (name: string) =>
  queryOne<
    { id: number; kind: string; short_name: string | null; archived_at: string | null } | undefined
  >('SELECT id, kind, short_name, archived_at FROM actors WHERE name = ?', name);
const audits = (action: string, entityId: number | string) =>
  queryOne<{ n: number }>(
    'SELECT count(*) AS n FROM audit_log WHERE action = ? AND entity_id = ?',
    action,
    String(entityId),
  ).n;

test.describe('admin screens for the workspace', () => {
  // Several people, a dozen server round trips and axe scans each, on a machine shared by many builds.
  test.describe.configure({ timeout: 480_000 });

  test('an admin creates, edits, archives and restores an actor', async ({ browser }) => {
    const admin = await signedIn(browser, DEMO.admin, '/admin/actors');
    const list = new AdminListPage(admin, '/admin/actors', 'Actors');
    await expect(list.heading).toBeVisible();
    await expectNoAxeViolations(admin);

    await admin.getByRole('link', { name: 'Add an actor' }).click();
    const form = new AdminFormPage(admin);
    await expect(admin.getByRole('heading', { level: 1, name: 'Add an actor' })).toBeVisible();
    await expectNoAxeViolations(admin);

    // Bad input: messages by field, input kept, nothing written.
    const name = `Harbour Watch ${suffix()}`;
    await form.fill({
      Kind: 'Civil society organisation',
      Name: '',
      'ISO 3166-1 alpha-3 code': 'FRA',
      'Short name': 'HW',
    });
    await form.save('Create actor');
    await expect(form.errorSummary).toContainText('Name: is required');
    await expect(form.errorSummary).toContainText('ISO 3166-1 alpha-3 code: is only for states');
    await expect(form.field('Name')).toHaveAccessibleDescription(/is required/);
    await expect(form.field('Short name')).toHaveValue('HW');
    await expectNoAxeViolations(admin);

    await form.fill({ Name: name, 'ISO 3166-1 alpha-3 code': '' });
    await form.save('Create actor');
    await expect(admin).toHaveURL(/\/admin\/actors\?created=\d+$/);
    await expect(
      admin.getByRole('status').filter({ hasText: `${name} was created.` }),
    ).toBeVisible();
    const created = actorRow(name)!;
    expect(created).toMatchObject({ kind: 'cso', short_name: 'HW', archived_at: null });
    expect(audits('actor.create', created.id)).toBe(1);

    await admin.getByRole('link', { name: `Edit ${name}` }).click();
    await expect(admin.getByRole('heading', { level: 1, name: `Edit ${name}` })).toBeVisible();
    await expectNoAxeViolations(admin);
    await form.fill({ 'Short name': 'Harbour' });
    await form.save('Save changes');
    await expect(admin.getByRole('status').filter({ hasText: `${name} was saved.` })).toBeVisible();
    expect(actorRow(name)?.short_name).toBe('Harbour');

    await list.archive(name);
    expect(actorRow(name)?.archived_at).not.toBeNull();
    await list.filter({ search: name, show: 'Archived only' });
    await expect(list.row(`Edit ${name}`)).toContainText('Archived since');
    // Off the public list, but its page is still there.
    const reader = await newPerson(browser);
    await reader.goto(`/actors?q=${encodeURIComponent(name)}`);
    await expect(reader.locator(`a[href="/actors/${created.id}"]`)).toHaveCount(0);
    expect((await reader.goto(`/actors/${created.id}`))?.status()).toBe(200);
    await expect(reader.getByRole('heading', { level: 1 })).toContainText(name);

    await list.restore(name);
    expect(actorRow(name)?.archived_at).toBeNull();
    expect(audits('actor.archive', created.id)).toBe(1);
    expect(audits('actor.restore', created.id)).toBe(1);
    await closePeople(admin, reader);
  });

  test('a French admin form says the data layer’s refusals in French, nothing written', async ({
    browser,
  }) => {
    const admin = await signedIn(browser, DEMO.admin, '/admin/actors');
    const taken = queryOne<{ name: string }>(
      'SELECT name FROM actors WHERE archived_at IS NULL ORDER BY id LIMIT 1',
    ).name;
    const count = () => queryOne<{ n: number }>('SELECT count(*) AS n FROM actors').n;
    const before = count();
    await admin.goto('/fr/admin/actors/new');
    await expect(admin.getByRole('heading', { level: 1, name: 'Ajouter un acteur' })).toBeVisible();
    const form = new AdminFormPage(admin);
    const iso3 = admin.getByLabel(/^Code ISO 3166-1 alpha-3/);

    // Refused by the schema: a code is only for states.
    await form.fill({ Type: 'Organisation de la société civile', Nom: `Vigie ${suffix()}` });
    await iso3.fill('FRA');
    await form.save('Créer l’acteur');
    await expect(form.errorSummary).toContainText(
      /Code ISO 3166-1 alpha-3\s*:\s*est réservé aux États/,
    );
    await expect(iso3).toHaveAccessibleDescription(/est réservé aux États/);

    // Refused by the data layer itself: another actor has the name.
    await iso3.fill('');
    await form.fill({ Nom: taken });
    await form.save('Créer l’acteur');
    await expect(form.errorSummary).toContainText(/Nom\s*:\s*est déjà le nom d’un autre acteur/);
    await expect(form.errorSummary).not.toContainText(/is already|is only for|Check /);
    await expect(admin.locator('html')).toHaveAttribute('lang', 'fr');
    await expectNoAxeViolations(admin);
    expect(count()).toBe(before);
    await closePeople(admin);
  });

  test('an admin creates a source document and a commitment citing it, then edits the commitment', async ({
    browser,
  }) => {
    const admin = await signedIn(browser, DEMO.admin, '/admin/sources/new');
    const form = new AdminFormPage(admin);
    await expectNoAxeViolations(admin);
    const title = `Sixth thematic session ${suffix()}`;
    await form.fill({
      Title: title,
      'Short identifier': `ts6-${suffix()}`,
      Author: 'Co-facilitators',
      Date: '2017-10-12',
      Place: 'Geneva',
      'Web address': 'not a link',
    });
    await form.save('Create source document');
    await expect(form.errorSummary).toContainText('Web address: must be a web address');
    await form.fill({ 'Web address': 'https://example.org/ts6' });
    await form.save('Create source document');
    await expect(
      admin.getByRole('status').filter({ hasText: `${title} was created.` }),
    ).toBeVisible();
    await expectNoAxeViolations(admin);
    const source = queryOne<{ id: number }>(
      'SELECT id FROM source_documents WHERE title = ?',
      title,
    );
    expect(audits('source.create', source.id)).toBe(1);

    await admin.goto('/admin/commitments/new');
    await expectNoAxeViolations(admin);
    const code = uniqueCode();
    await form.fill({
      Code: code.toLowerCase(),
      Title: 'Open regular pathways',
      'Text, quoted verbatim': 'States should expand regular pathways for migration.',
      'Source document': title,
      Paragraphs: '13–14, 9',
      Theme: 'Safe and regular migration',
    });
    await form.tick('Duty bearers', []);
    await form.save('Create commitment');
    await expect(form.errorSummary).toContainText('Duty bearers: must name at least one');
    await expect(form.field('Paragraphs')).toHaveValue('13–14, 9');
    await form.tick('Duty bearers', ['States']);
    await form.tick('Rights holders', ['Migrant workers']);
    await form.tick('GCM objectives', ['5.']);
    await form.tick('SDG targets', ['10.7']);
    await form.save('Create commitment');
    await expect(
      admin.getByRole('status').filter({ hasText: `${code} was created.` }),
    ).toBeVisible();
    const commitment = queryOne<{ id: number; paragraphs: string; source_id: number }>(
      'SELECT id, paragraphs, source_id FROM commitments WHERE code = ?',
      code,
    );
    expect(commitment).toMatchObject({ paragraphs: '9, 13-14', source_id: source.id });
    expect(
      queryOne<{ n: number }>(
        'SELECT count(*) AS n FROM commitment_objectives WHERE commitment_id = ? AND objective = 5',
        commitment.id,
      ).n,
    ).toBe(1);

    // No entries yet: the code may still change.
    await admin.getByRole('link', { name: `Edit ${code}` }).click();
    await expect(form.field('Code')).not.toHaveAttribute('readonly');
    await expectNoAxeViolations(admin);
    await form.fill({ Title: 'Open and widen regular pathways' });
    await form.save('Save changes');
    await expect(admin.getByRole('status').filter({ hasText: `${code} was saved.` })).toBeVisible();
    expect(
      queryOne<{ title: string }>('SELECT title FROM commitments WHERE id = ?', commitment.id)
        .title,
    ).toBe('Open and widen regular pathways');
    expect(audits('commitment.edit', commitment.id)).toBe(1);
    const reader = await newPerson(browser);
    await reader.goto(`/commitments/${code}`);
    await expect(reader.getByRole('heading', { level: 1 })).toContainText(
      'Open and widen regular pathways',
    );
    await closePeople(admin, reader);
  });

  test('a commitment with entries shows its code read-only, and a forged post that changes it is refused', async ({
    browser,
  }) => {
    const target = queryOne<{ id: number; code: string }>(
      `SELECT c.id, c.code FROM commitments c
       WHERE c.archived_at IS NULL AND EXISTS (SELECT 1 FROM progress_entries e WHERE e.commitment_id = c.id) ORDER BY c.position DESC LIMIT 1`,
    );
    const edits = audits('commitment.edit', target.id);
    const admin = await signedIn(browser, DEMO.admin, `/admin/commitments/${target.id}`);
    const form = new AdminFormPage(admin);
    const code = form.field('Code');
    await expect(code).toHaveValue(target.code);
    await expect(code).toHaveAttribute('readonly', '');
    await expect(code).toHaveAccessibleDescription(
      /^The code cannot change: \d+ progress entr(y refers|ies refer) to this commitment by it\.$/,
    );
    await expectNoAxeViolations(admin);

    // Forge the form: make the code editable and change it, as a hand-made request would.
    await code.evaluate((input: HTMLInputElement) => {
      input.readOnly = false;
      input.value = 'FORGED-1';
    });
    await form.save('Save changes');
    await expect(form.errorSummary).toContainText(
      'Code: cannot change once the commitment has progress entries',
    );
    expect(
      queryOne<{ code: string }>('SELECT code FROM commitments WHERE id = ?', target.id).code,
    ).toBe(target.code);
    expect(audits('commitment.edit', target.id)).toBe(edits);
    await closePeople(admin);
  });

  test('an archived commitment leaves the lists and the entry form, its page and entries stay', async ({
    browser,
  }) => {
    const target = queryOne<{ id: number; code: string }>(
      `SELECT c.id, c.code FROM commitments c JOIN commitment_duty_bearers d ON d.commitment_id = c.id AND d.duty_bearer = 'states'
       WHERE c.archived_at IS NULL AND EXISTS (SELECT 1 FROM progress_entries e WHERE e.commitment_id = c.id AND e.state = 'published') ORDER BY c.position DESC LIMIT 1 OFFSET 1`,
    );
    const admin = await signedIn(browser, DEMO.admin, '/admin/commitments');
    const list = new AdminListPage(admin, '/admin/commitments', 'Commitments');
    await expectNoAxeViolations(admin);
    await list.archive(target.code);
    await expect(list.row(`Edit ${target.code}`)).toContainText('Archived since');
    await expectNoAxeViolations(admin);

    const focal = await signedIn(browser, DEMO.aldoriaFocal, '/entries/new');
    const offered = await focal
      .getByLabel('Commitment', { exact: true })
      .locator('option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(offered).not.toContain(target.code);
    await focal.goto('/commitments');
    await expect(focal.locator(`a[href="/commitments/${target.code}"]`)).toHaveCount(0);
    expect((await focal.goto(`/commitments/${target.code}`))?.status()).toBe(200);
    await expect(focal.locator('li.card.entry').first()).toBeVisible();

    await list.restore(target.code);
    await focal.goto('/entries/new');
    await expect(
      focal.getByLabel('Commitment', { exact: true }).locator(`option[value="${target.code}"]`),
    ).toHaveCount(1);
    await closePeople(admin, focal);
  });

  test('a non-admin gets 403 on every admin page, and a forged post to an admin action changes nothing', async ({
    browser,
    baseURL,
  }) => {
    const actor = queryOne<{ id: number; name: string }>(
      `SELECT id, name FROM actors WHERE archived_at IS NULL ORDER BY id LIMIT 1`,
    );
    const paths = [
      '/admin/actors',
      '/admin/actors/new',
      `/admin/actors/${actor.id}`,
      '/admin/sources',
      '/admin/sources/new',
      '/admin/sources/1',
      '/admin/commitments',
      '/admin/commitments/new',
      '/admin/commitments/1',
    ];
    const admin = await signedIn(browser, DEMO.admin, '/admin/actors');
    const archiveField = await admin
      .locator('form.inline-form input[type="hidden"][name^="$ACTION_ID_"]')
      .first()
      .getAttribute('name');
    expect(archiveField).toBeTruthy();

    for (const account of [DEMO.aldoriaContributor, DEMO.bridgewellFocal]) {
      const member = await signedIn(browser, account, '/entries/mine');
      for (const path of paths) expect((await member.goto(path))?.status(), path).toBe(403);
      await expect(member.getByRole('table')).toHaveCount(0);
      const forged = await member.request.post('/admin/actors', {
        multipart: { [archiveField!]: '', id: String(actor.id) },
        headers: { origin: baseURL! },
        maxRedirects: 0,
      });
      expect(forged.ok(), `status ${forged.status()}`).toBe(false);
      await closePeople(member);
    }
    expect(actorRow(actor.name)?.archived_at).toBeNull();
    expect(audits('actor.archive', actor.id)).toBe(0);

    const anonymous = await newPerson(browser);
    await anonymous.goto('/admin/commitments');
    await expect(anonymous).toHaveURL(/\/sign-in\?next=%2Fadmin%2Fcommitments$/);
    await closePeople(admin, anonymous);
  });

  test('re-enabling a disabled user lets them sign in again', async ({ browser }) => {
    const admin = await signedIn(browser, DEMO.admin, '/admin/users');
    const users = new UsersAdminPage(admin);
    const email = `rita.${suffix()}@example.org`;
    const name = `Rita ${suffix()}`;
    const password = await users.create({
      email,
      name,
      role: 'Contributor',
      actor: 'Republic of Aldoria',
    });
    // Thousands of users in a real workspace: the list is searched by name, e-mail or actor.
    const search = admin.getByRole('search', { name: 'Filters' });
    await search.getByLabel('Search').fill(email.toUpperCase());
    await search.getByRole('button', { name: 'Apply' }).click();
    await expect(admin).toHaveURL(/\/admin\/users\?q=/);
    await expect(users.table.getByRole('row')).toHaveCount(2);
    await expect(users.row(email)).toContainText(name);
    await expectNoAxeViolations(admin);
    await users.disable(name);

    const person = await newPerson(browser);
    const signIn = new SignInPage(person);
    await signIn.goto();
    await signIn.attempt(email, password);
    await expect(alertBox(person)).toContainText('This account is disabled.');

    await admin.getByRole('button', { name: `Re-enable ${name}` }).click();
    await expect(
      admin.getByRole('status').filter({ hasText: `${name} can sign in again.` }),
    ).toBeVisible();
    await expect(users.row(email)).toContainText('Active');
    await expectNoAxeViolations(admin);
    const user = queryOne<{ id: string; disabled_at: string | null }>(
      'SELECT id, disabled_at FROM users WHERE email = ?',
      email,
    );
    expect(user.disabled_at).toBeNull();
    expect(audits('user.enable', user.id)).toBe(1);

    await signIn.attempt(email, password);
    await expect(person).toHaveURL(/\/home$/);
    await expect(person.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await closePeople(admin, person);
  });
});
